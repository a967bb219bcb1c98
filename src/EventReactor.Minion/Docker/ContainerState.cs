namespace EventReactor.Minion.Docker;

/// <summary>
/// What the minion last told the bus about one container: whether it runs, the last lifecycle action emitted
/// (<c>create</c>, <c>start</c>, <c>die</c>, <c>destroy</c>) and that transition's engine time.
/// </summary>
internal sealed record ContainerState(string Id, string? Name, string? Image, bool Running, string LastAction, long LastNano);
