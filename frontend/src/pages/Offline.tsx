import { OfflineNotice } from '../components/OfflineNotice';

export default OfflineNotice;
