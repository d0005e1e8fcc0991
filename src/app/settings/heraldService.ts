import { serviceStatus, ServiceHeartbeatStore, type ServiceHeartbeat, type ServiceStatus } from '../../store/serviceHeartbeat';
import type { BaseContext } from '../context';

/**
 * Whether the Herald service (which hears Sunshine's webhooks: deliveries, reads, replies, STOP)
 * is running, from the heartbeat it writes every 30 s. Anyone who may open Settings may read it.
 */
export interface HeraldServiceState {
  status: ServiceStatus;
  /** Its last heartbeat, when one was ever written. */
  heartbeat?: ServiceHeartbeat;
  /** When this was read (the context's clock): "last heard 20 s ago" counts from the heartbeat to now. */
  readAt: number;
}

export async function readHeraldService(context: Pick<BaseContext, 'transport' | 'clock'>): Promise<HeraldServiceState> {
  const heartbeat = await new ServiceHeartbeatStore(context.transport).read();
  const readAt = context.clock.now();
  return heartbeat ? { status: serviceStatus(heartbeat, readAt), heartbeat, readAt } : { status: 'absent', readAt };
}
