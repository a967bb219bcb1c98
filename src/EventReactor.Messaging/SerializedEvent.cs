namespace EventReactor.Messaging;

/// <summary>An event already in its CloudEvents JSON form (UTF-8), as the minion's outbox keeps it.</summary>
public readonly record struct SerializedEvent(string Id, string Tag, ReadOnlyMemory<byte> Json);
