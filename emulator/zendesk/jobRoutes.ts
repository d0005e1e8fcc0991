import { notFoundError } from './apiErrors';
import { jobStatusJson } from './jobs';
import { json, route, type Route } from './route';

/** Show Job Status, for the custom object bulk jobs (the only jobs the emulator runs). */
export function jobRoutes(): Route[] {
  return [
    route('GET', '/api/v2/job_statuses/{id}', (call) => {
      const job = call.state.jobs.get(call.params.id as string);
      if (!job) throw notFoundError();
      return json({ job_status: jobStatusJson(job, call.origin) });
    }),
  ];
}
