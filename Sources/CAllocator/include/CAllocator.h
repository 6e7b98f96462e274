#ifndef DERIVE_C_ALLOCATOR_H
#define DERIVE_C_ALLOCATOR_H

/// Asks the C library's allocator to keep the memory a run frees for the run's next allocations.
///
/// derive builds each section's expression trees, writes them and frees them before the next section.
/// By default glibc hands the freed top of its heap back to the system after each section, and blocks of
/// 128 KiB or more (a long section's array of steps) are mapped and unmapped one by one; the next section
/// then faults every page back in, zeroed by the kernel. With these two settings the heap keeps what it has
/// (up to 64 MiB, never more than the run's peak) and serves blocks up to 32 MiB itself. Elsewhere than
/// glibc this does nothing.
void derive_keep_freed_memory(void);

#endif
