using EventReactor.Core.Actions;
using EventReactor.Core.Expressions;
using EventReactor.Reactor.Jobs;
using EventReactor.Reactor.Targeting;
using EventReactor.Core.Targeting;

namespace EventReactor.Reactor.Actions;

/// <summary>
/// <c>minion.run</c>: sends a function to the present minions a target names (Salt's <c>tgt</c>, <c>fun</c>, <c>args</c>),
/// records the job and publishes <c>job/&lt;jid&gt;/new</c>. The minions answer with <c>job/&lt;jid&gt;/ret/&lt;id&gt;</c>.
/// </summary>
internal sealed class MinionRunAction(
    TargetResolver targets,
    IJobDispatcher dispatcher) : IActionHandler
{
    public static ActionSchema Definition { get; } = new(
        "minion.run",
        "Run a function on the present minions that the target names.",
        [
            new("tgt", ArgumentKind.String, true, "the target: a glob of ids, ids separated by commas, grain path:glob, a pool, or a CEL expression, as tgt_type says"),
            new("fun", ArgumentKind.String, true, "the function, e.g. container.run or test.ping"),
            new("args", ArgumentKind.Map, false, "the function's arguments"),
            new("tgt_type", ArgumentKind.String, false, "glob (default), list, grain, pool or expr"),
        ]);

    public ActionSchema Schema => Definition;

    public async Task<ActionResult> ExecuteAsync(ActionInvocation invocation, CancellationToken cancellationToken)
    {
        var target = invocation.GetString("tgt") ?? throw new ActionArgumentException("'tgt' is required");
        var function = invocation.GetString("fun") ?? throw new ActionArgumentException("'fun' is required");
        var targetType = invocation.GetString("tgt_type") ?? "glob";
        var arguments = CelValues.ToJson(invocation.Arguments.GetValueOrDefault("args") ?? new Dictionary<string, object?>());
        var targeted = await ResolveAsync(target, targetType, cancellationToken);
        var jid = await dispatcher.DispatchAsync(new JobRequest(function, arguments, target, targetType, targeted), invocation.Event, cancellationToken);
        return new ActionResult($"job {jid}: {function} sent to {string.Join(", ", targeted)}");
    }

    private async Task<IReadOnlyList<string>> ResolveAsync(string target, string targetType, CancellationToken cancellationToken)
    {
        try
        {
            return await targets.ResolveAsync(target, targetType, cancellationToken);
        }
        catch (TargetException ex)
        {
            throw new ActionArgumentException(ex.Message);
        }
    }
}
