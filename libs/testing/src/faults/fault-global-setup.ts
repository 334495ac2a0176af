import { startFaultInfrastructure } from './fault-infrastructure';

export default startFaultInfrastructure;
