#include "base/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace banmian {

void ParallelFor(size_t count, int jobs,
                 const std::function<void(size_t index, int worker)>& work) {
  const int workers = static_cast<int>(std::min<size_t>(count, std::max(jobs, 1)));
  if (workers <= 1) {
    for (size_t i = 0; i < count; ++i) work(i, 0);
    return;
  }
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto run = [&](int worker) {
    for (size_t i = next++; i < count; i = next++) {
      try {
        work(i, worker);
      } catch (...) {
        // Kept and rethrown on the calling thread, where the pipeline reports it.
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  std::vector<std::thread> threads;
  for (int w = 1; w < workers; ++w) threads.emplace_back(run, w);
  run(0);
  for (std::thread& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

int DefaultJobs() {
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace banmian
