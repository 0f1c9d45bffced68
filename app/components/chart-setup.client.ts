import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from "chart.js";

// Only the pieces the service's charts use: bars, lines, their axes, legend and tooltips (no
// dataset sets `fill`, so no Filler plugin).
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = '"Helvetica Neue", Helvetica, Arial, sans-serif';
Chart.defaults.color = "#0b0c0c";
Chart.defaults.animation = false;

export function drawChart(canvas: HTMLCanvasElement, config: ChartConfiguration) {
  return new Chart(canvas, { ...config, options: { responsive: true, maintainAspectRatio: false, ...config.options } });
}
