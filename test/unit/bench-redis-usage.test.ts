import { processCpuMicros } from '../../src/bench/redis-usage';

describe('bench: CPU of another process from /proc', () => {
  it('when this process burns CPU, then /proc reports about what process.cpuUsage reports', () => {
    const before = processCpuMicros(process.pid);
    const start = process.cpuUsage();
    let spent = 0;
    while (spent < 200_000) {
      const u = process.cpuUsage(start);
      spent = u.user + u.system;
    }
    const measured = processCpuMicros(process.pid) - before;
    // /proc counts in 10 ms ticks, and other threads of this process (GC) add a little
    expect(measured).toBeGreaterThanOrEqual(150_000);
    expect(measured).toBeLessThan(400_000);
  });
});
