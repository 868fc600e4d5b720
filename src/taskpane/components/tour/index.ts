export { ClassroomTour, type ClassroomTourProps } from "./ClassroomTour";
export { currentStep, finished, startTour, tourReducer, type TourAction, type TourState } from "./machine";
