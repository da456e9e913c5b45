export { ClusterNotifications } from './cluster-notifications';
export { PostgresClusterNotifications } from './postgres-cluster-notifications';
export { RedisClusterNotifications } from './redis-cluster-notifications';
