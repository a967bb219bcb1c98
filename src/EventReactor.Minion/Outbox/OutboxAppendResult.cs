namespace EventReactor.Minion.Outbox;

/// <summary>What an append did to stay within the bound.</summary>
internal readonly record struct OutboxAppendResult(int Stored, int DroppedMetrics, bool OverBound);
