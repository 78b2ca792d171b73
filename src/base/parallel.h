// Running independent pieces of work (pages to paint, press files to write) on several
// threads.
//
// ParallelFor calls work(index, worker) once for every index below `count`, on at most
// `jobs` threads; `worker` numbers the thread (0 … jobs-1) so each can keep its own
// state (a painter, a font set). Worker 0 is always the calling thread, so it may use
// the caller's own state. Results must be stored by index, never in finishing
// order, so the output is the same whatever `jobs` is. The threads are kept between
// calls (worker k is always the same thread); a ParallelFor inside another's work runs
// on the thread that called it.
#pragma once

#include <cstddef>
#include <functional>

namespace banmian {

void ParallelFor(size_t count, int jobs, const std::function<void(size_t index, int worker)>& work);

// Runs `own` on the calling thread while helper(1) … helper(jobs-1) run on the other
// threads; returns when all have returned, rethrowing the first exception. Inside another
// batch only `own` runs, so helpers must be work `own` can do without (work ahead).
void RunAlongside(int jobs, const std::function<void()>& own,
                  const std::function<void(int worker)>& helper);

// The number of cores, at least 1: the default for --jobs.
int DefaultJobs();

}  // namespace banmian
