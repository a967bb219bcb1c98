using System.Collections;
using EventReactor.Contracts.Reactor;
using EventReactor.Core.Actions;
using EventReactor.Core.Expressions;
using EventReactor.Messaging;

namespace EventReactor.Reactor.Actions;

/// <summary><c>event.fire</c>: publishes a new event caused by the one being handled.</summary>
internal sealed class EventFireAction(IEventPublisher publisher) : IActionHandler
{
    public static ActionSchema Definition { get; } = new(
        "event.fire",
        "Publish a new event; its causation points at the event that triggered the rule.",
        [
            new("tag", ArgumentKind.String, true, "the new event's tag"),
            new("data", ArgumentKind.Map, false, "the new event's data"),
        ]);

    public ActionSchema Schema => Definition;

    public async Task<ActionResult> ExecuteAsync(ActionInvocation invocation, CancellationToken cancellationToken)
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

        var fired = invocation.Event.CreateCaused(tag, ReactorTags.Source, data is null ? null : CelValues.ToJson(data));
        await publisher.PublishAsync(fired, cancellationToken);
        return new ActionResult($"fired {fired.Tag} ({fired.Id})");
    }
}
