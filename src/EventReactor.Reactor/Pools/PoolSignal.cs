using EventReactor.Core.Threading;

namespace EventReactor.Reactor.Pools;

/// <summary>Wakes the pool reconciler early: a scale, an explicit add or remove, new grains or presence.</summary>
internal sealed class PoolSignal : WakeSignal;
