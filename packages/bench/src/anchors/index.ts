export * from './lai-chau.js';
