import { campaignPermissions, type CampaignPermissions } from '../../core/campaign/permissions';
import { useZaf } from '../../zaf/ZafProvider';

/** What the signed-in agent may do with campaigns, from the installation's settings. */
export function useCampaignPermissions(): CampaignPermissions {
  const { settings, currentUser } = useZaf();
  if (!settings.ok) return { draft: false, send: false };
  const groups = (currentUser as { groups?: Array<{ id: number; name: string }> }).groups ?? [];
  return campaignPermissions(settings.settings.permissions, { id: currentUser.id, email: currentUser.email, role: currentUser.role, groups });
}
