using EventReactor.Core.Threading;

namespace EventReactor.Minion.Outbox;

/// <summary>Wakes the drainer when new events are stored.</summary>
internal sealed class OutboxSignal : WakeSignal;
