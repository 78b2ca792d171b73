#include "base/parallel.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace banmian {

namespace {

// Threads kept for the whole run and handed one batch of work at a time. Starting a
// thread took a millisecond or more here, longer than a whole batch of small jobs (40
// articles to normalise take 2 ms): new threads for every ParallelFor left the calling
// thread doing it all alone.
class Pool {
 public:
  static Pool& Get() {
    static Pool pool;
    return pool;
  }

  ~Pool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      quit_ = true;
    }
    wake_.notify_all();
    for (std::thread& t : threads_) t.join();
  }

  // Runs run(1) … run(helpers) on pool threads while the caller runs run(0) itself;
  // returns when all have returned. One batch at a time.
  void Run(int helpers, const std::function<void(int)>& run) {
    std::lock_guard<std::mutex> one_batch(batch_mutex_);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      while (static_cast<int>(threads_.size()) < helpers) {
        const int worker = static_cast<int>(threads_.size()) + 1;
        threads_.emplace_back([this, worker] { Serve(worker); });
      }
      run_ = &run;
      helpers_ = helpers;
      running_ = helpers;
      ++batch_;
    }
    wake_.notify_all();
    in_batch_ = true;
    run(0);
    in_batch_ = false;
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [this] { return running_ == 0; });
    run_ = nullptr;
  }

  // True on a pool thread, and on the caller while its batch runs.
  static bool InBatch() { return in_batch_; }

 private:
  void Serve(int worker) {
    in_batch_ = true;
    uint64_t seen = 0;
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      wake_.wait(lock, [&] { return quit_ || (batch_ != seen && worker <= helpers_); });
      if (quit_) return;
      seen = batch_;
      const std::function<void(int)>* run = run_;
      lock.unlock();
      (*run)(worker);
      lock.lock();
      if (--running_ == 0) done_.notify_one();
    }
  }

  std::mutex batch_mutex_;  // held by the caller for a whole batch
  std::mutex mutex_;        // guards everything below
  std::condition_variable wake_, done_;
  std::vector<std::thread> threads_;  // worker k is threads_[k - 1]
  const std::function<void(int)>* run_ = nullptr;
  int helpers_ = 0, running_ = 0;
  uint64_t batch_ = 0;
  bool quit_ = false;
  static thread_local bool in_batch_;
};

thread_local bool Pool::in_batch_ = false;

// The first exception any thread of a batch throws, rethrown on the calling thread (where
// the pipeline reports it) once the whole batch has returned.
class FirstFailure {
 public:
  void Keep() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!failure_) failure_ = std::current_exception();
  }
  void Rethrow() const {
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  std::mutex mutex_;
  std::exception_ptr failure_;
};

}  // namespace

void ParallelFor(size_t count, int jobs,
                 const std::function<void(size_t index, int worker)>& work) {
  int workers = static_cast<int>(std::min<size_t>(count, std::max(jobs, 1)));
  // Work handed out from inside a batch runs where it is: the pool is busy with the batch.
  if (Pool::InBatch()) workers = 1;
  if (workers <= 1) {
    for (size_t i = 0; i < count; ++i) work(i, 0);
    return;
  }
  std::atomic<size_t> next{0};
  FirstFailure failure;
  const std::function<void(int)> run = [&](int worker) {
    for (size_t i = next++; i < count; i = next++) {
      try {
        work(i, worker);
      } catch (...) {
        failure.Keep();  // the other indices still run: nothing is left half-done
      }
    }
  };
  Pool::Get().Run(workers - 1, run);
  failure.Rethrow();
}

void RunAlongside(int jobs, const std::function<void()>& own,
                  const std::function<void(int worker)>& helper) {
  if (jobs <= 1 || Pool::InBatch()) {
    own();
    return;
  }
  FirstFailure failure;
  const std::function<void(int)> run = [&](int worker) {
    try {
      worker == 0 ? own() : helper(worker);
    } catch (...) {
      failure.Keep();
    }
  };
  Pool::Get().Run(jobs - 1, run);
  failure.Rethrow();
}

int DefaultJobs() {
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace banmian
