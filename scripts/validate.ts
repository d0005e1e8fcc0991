import path from 'node:path';
import { validateAppPackage } from './lib/validateAppPackage';

const dir = path.resolve(process.argv[2] ?? 'dist');
const report = validateAppPackage(dir);
for (const warning of report.warnings) console.log(`warning: ${warning}`);
for (const error of report.errors) console.log(`error: ${error}`);
console.log(report.errors.length === 0 ? `${dir}: the package passes Zendesk's validation rules` : `${dir}: ${report.errors.length} error(s)`);
process.exit(report.errors.length === 0 ? 0 : 1);
