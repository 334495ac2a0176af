import { startTestInfrastructure } from './test-infrastructure';

export default startTestInfrastructure;
