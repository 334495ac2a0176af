import { stopTestInfrastructure } from './test-infrastructure';

export default stopTestInfrastructure;
