using EventReactor.Core.Actions;

namespace EventReactor.Reactor.Actions;

/// <summary>A named action that rules can use; its schema is checked when rules load.</summary>
public interface IActionHandler
{
    ActionSchema Schema { get; }

    Task<ActionResult> ExecuteAsync(ActionInvocation invocation, CancellationToken cancellationToken);
}
