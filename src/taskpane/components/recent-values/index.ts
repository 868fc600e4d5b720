export { RecentValues } from "./RecentValues";
export { recentView, shortPeriod, type RecentView, type RecentItem } from "./recent-view";
