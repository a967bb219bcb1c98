namespace EventReactor.Reactor.Keys;

/// <summary>The ids whose keys were accepted when <see cref="LoadedAt"/> was read: what <see cref="MinionKeyService"/> answers from.</summary>
internal sealed record AcceptedSet(HashSet<string> Ids, DateTimeOffset LoadedAt);
