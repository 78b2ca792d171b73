#include "base/parallel.h"

#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace banmian;

TEST_CASE("parallel: every index runs exactly once, on a worker below jobs") {
  const auto caller = std::this_thread::get_id();
  for (int jobs : {1, 2, 3, 8}) {
    std::vector<std::atomic<int>> runs(100);
    std::vector<int> worker_of(100, -1);
    std::atomic<bool> worker0_is_caller{true};
    ParallelFor(100, jobs, [&](size_t i, int worker) {
      runs[i]++;
      worker_of[i] = worker;
      if (worker == 0 && std::this_thread::get_id() != caller) worker0_is_caller = false;
    });
    CHECK(worker0_is_caller);
    for (size_t i = 0; i < runs.size(); ++i) {
      CHECK(runs[i] == 1);
      CHECK(worker_of[i] >= 0);
      CHECK(worker_of[i] < jobs);
    }
  }
}

TEST_CASE("parallel: one job runs in order on the calling thread") {
  std::vector<size_t> order;
  const auto caller = std::this_thread::get_id();
  bool same_thread = true;
  ParallelFor(5, 1, [&](size_t i, int) {
    order.push_back(i);
    same_thread = same_thread && std::this_thread::get_id() == caller;
  });
  CHECK(order == std::vector<size_t>{0, 1, 2, 3, 4});
  CHECK(same_thread);
}

TEST_CASE("parallel: an exception in a worker reaches the caller, after all work stopped") {
  std::atomic<int> done{0};
  CHECK_THROWS_WITH_AS(ParallelFor(20, 3,
                                   [&](size_t i, int) {
                                     if (i == 7) throw std::runtime_error("page 8 failed");
                                     done++;
                                   }),
                       "page 8 failed", std::runtime_error);
  CHECK(done == 19);  // the others still ran: nothing is left half-done on another thread
}

TEST_CASE("parallel: nothing to do is fine, and DefaultJobs is at least one") {
  int calls = 0;
  ParallelFor(0, 4, [&](size_t, int) { ++calls; });
  CHECK(calls == 0);
  CHECK(DefaultJobs() >= 1);
}

TEST_CASE("parallel: worker k is the same thread in every call, and nesting runs inline") {
  std::vector<std::thread::id> first(3), second(3);
  ParallelFor(300, 3, [&](size_t, int worker) { first[worker] = std::this_thread::get_id(); });
  ParallelFor(300, 3, [&](size_t, int worker) { second[worker] = std::this_thread::get_id(); });
  for (int w = 0; w < 3; ++w)
    if (first[w] != std::thread::id() && second[w] != std::thread::id())
      CHECK(first[w] == second[w]);
  // A ParallelFor inside a worker's job does its work on that worker's thread.
  std::atomic<int> inner_elsewhere{0}, inner_runs{0};
  ParallelFor(8, 2, [&](size_t, int) {
    const auto outer = std::this_thread::get_id();
    ParallelFor(4, 2, [&](size_t, int worker) {
      inner_runs++;
      if (std::this_thread::get_id() != outer || worker != 0) inner_elsewhere++;
    });
  });
  CHECK(inner_runs == 32);
  CHECK(inner_elsewhere == 0);
}

TEST_CASE("parallel: RunAlongside runs its own work on the caller and each helper once") {
  const auto caller = std::this_thread::get_id();
  std::atomic<int> own_runs{0};
  std::vector<std::atomic<int>> helper_runs(4);
  std::atomic<bool> helper_on_caller{false};
  RunAlongside(
      4, [&] { own_runs += std::this_thread::get_id() == caller ? 1 : 100; },
      [&](int worker) {
        helper_runs[worker]++;
        if (std::this_thread::get_id() == caller) helper_on_caller = true;
      });
  CHECK(own_runs == 1);
  CHECK(helper_runs[0] == 0);
  for (int w = 1; w < 4; ++w) CHECK(helper_runs[w] == 1);
  CHECK(!helper_on_caller);
  // One job, or inside a batch: only the caller's own work runs.
  int helpers = 0, own = 0;
  RunAlongside(
      1, [&] { ++own; }, [&](int) { ++helpers; });
  CHECK(own == 1);
  CHECK(helpers == 0);
  // An exception in a helper reaches the caller once everything has returned.
  CHECK_THROWS_WITH_AS(RunAlongside(
                           2, [] {}, [](int) { throw std::runtime_error("helper failed"); }),
                       "helper failed", std::runtime_error);
}
