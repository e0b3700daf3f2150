#pragma once

// A fixed set of threads, started once, that run numbered jobs in the order they are handed in, each
// on the first free thread; the thread that hands them in waits for a given job's end. `forbear batch`
// runs one job per chunk of lines on it.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace forbear::cli {

class WorkerPool {
 public:
  /// What a job does: `worker` is the thread's index (0 .. workers-1), for state of its own; `job`
  /// the number given to submit.
  using Run = std::function<void(std::size_t worker, std::size_t job)>;

  /// Starts `workers` threads that run `run`. At most `pending` jobs are submitted and not yet
  /// waited for at any time: job n and job n + pending are never both in flight.
  WorkerPool(std::size_t workers, std::size_t pending, Run run);
  /// Lets the jobs handed in finish, then stops the threads.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  /// Hands in job `job`; numbers go up by one from 0.
  void submit(std::size_t job);
  /// Waits until job `job` has run; rethrows what it threw.
  void wait(std::size_t job);

 private:
  void work(std::size_t worker);

  Run run_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable job_done_;
  std::deque<std::size_t> queue_;
  std::vector<char> done_;                  // by job % pending
  std::vector<std::exception_ptr> errors_;  // by job % pending
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace forbear::cli
