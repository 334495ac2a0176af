import { serviceActor, type ServiceActor } from '../../application/actor';

/** The internal API guard sets the verified calling service on the request. */
export const callingService = (request: { callerService?: string }): ServiceActor =>
  serviceActor(request.callerService ?? 'unknown');
