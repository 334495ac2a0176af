import { stopFaultInfrastructure } from './fault-infrastructure';

export default stopFaultInfrastructure;
