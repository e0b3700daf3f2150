#include "cli/worker_pool.hpp"

#include <utility>

namespace forbear::cli {

WorkerPool::WorkerPool(std::size_t workers, std::size_t pending, Run run)
    : run_(std::move(run)), done_(pending, 0), errors_(pending) {
  threads_.reserve(workers);
  for (std::size_t w = 0; w < workers; ++w) threads_.emplace_back([this, w] { work(w); });
}

WorkerPool::~WorkerPool() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (auto& thread : threads_) thread.join();
}

void WorkerPool::submit(std::size_t job) {
  {
    const std::lock_guard lock(mutex_);
    done_[job % done_.size()] = 0;
    errors_[job % done_.size()] = nullptr;
    queue_.push_back(job);
  }
  work_ready_.notify_one();
}

void WorkerPool::wait(std::size_t job) {
  std::unique_lock lock(mutex_);
  job_done_.wait(lock, [&] { return done_[job % done_.size()] != 0; });
  if (auto error = std::exchange(errors_[job % done_.size()], nullptr)) std::rethrow_exception(error);
}

void WorkerPool::work(std::size_t worker) {
  std::unique_lock lock(mutex_);
  for (;;) {
    work_ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and nothing left to run
    const std::size_t job = queue_.front();
    queue_.pop_front();
    lock.unlock();
    std::exception_ptr error;
    try {
      run_(worker, job);
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    errors_[job % done_.size()] = error;
    done_[job % done_.size()] = 1;
    job_done_.notify_all();
  }
}

}  // namespace forbear::cli
