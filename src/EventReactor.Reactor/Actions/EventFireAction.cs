using System.Collections;
using EventReactor.Contracts.Reactor;
using EventReactor.Core.Actions;
using EventReactor.Core.Expressions;
using EventReactor.Messaging.Telemetry;

namespace EventReactor.Reactor.Actions;

/// <summary>
/// <c>event.fire</c>: a new event caused by the one being handled. The executor stores it with the action's completion;
/// the outbox then chains it through the rules and publishes it.
/// </summary>
internal sealed class EventFireAction : IEffectFreeAction
{
    public static ActionSchema Definition { get; } = new(
        "event.fire",
        "Publish a new event; its causation points at the event that triggered the rule.",
        [
            new("tag", ArgumentKind.String, true, "the new event's tag"),
            new("data", ArgumentKind.Map, false, "the new event's data"),
        ]);

    public ActionSchema Schema => Definition;

    public Task<ActionResult> ExecuteAsync(ActionInvocation invocation, CancellationToken cancellationToken)
    {
        var tag = invocation.GetString("tag");
        if (string.IsNullOrWhiteSpace(tag) || tag.Any(char.IsWhiteSpace))
        {
            throw new ActionArgumentException($"'tag' must be a non-empty string without blanks, got '{tag}'");
        }

        var data = invocation.Arguments.GetValueOrDefault("data");
        if (data is not (null or IDictionary))
        {
            throw new ActionArgumentException($"'data' must be a map, got {CelValues.Describe(data)}");
        }

        // Stamped here, inside the action's span, so that the fired event's trace continues from it.
        var fired = EventReactorTelemetry.Stamp(invocation.Event.CreateCaused(tag, ReactorTags.Source, data is null ? null : CelValues.ToJson(data)));
        return Task.FromResult(new ActionResult($"fired {fired.Tag} ({fired.Id})", fired));
    }
}
