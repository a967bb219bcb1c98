namespace EventReactor.Reactor.Actions;

/// <summary>
/// An action whose only effect is the event it returns (<see cref="ActionResult.Fired"/>): running it again changes
/// nothing outside the reactor. The executor runs it first, then claims and completes it in one write
/// (<see cref="Reactions.IReactionLedger.RecordOnceAsync"/>) instead of a claim before and a completion after.
/// </summary>
internal interface IEffectFreeAction : IActionHandler;
