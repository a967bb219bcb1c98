using EventReactor.Core.Actions;
using Microsoft.Extensions.Logging;

namespace EventReactor.Reactor.Actions;

/// <summary><c>log</c>: writes a line to the reactor's log.</summary>
internal sealed partial class LogAction(ILogger<LogAction> logger) : IActionHandler
{
    public static ActionSchema Definition { get; } = new(
        "log",
        "Write a message to the reactor's log.",
        [
            new("message", ArgumentKind.String, true, "the text to log"),
            new("level", ArgumentKind.String, false, "debug, info (default), warning or error"),
        ]);

    public ActionSchema Schema => Definition;

    public Task<ActionResult> ExecuteAsync(ActionInvocation invocation, CancellationToken cancellationToken)
    {
        var level = invocation.GetString("level") switch
        {
            null or "info" => LogLevel.Information,
            "debug" => LogLevel.Debug,
            "warning" => LogLevel.Warning,
            "error" => LogLevel.Error,
            var other => throw new ActionArgumentException($"'level' must be debug, info, warning or error, got '{other}'"),
        };
        var message = invocation.GetString("message") ?? string.Empty;
        LogRuleMessage(logger, level, invocation.Rule.Name, invocation.Event.Tag, message);
        return Task.FromResult(new ActionResult($"logged at {level}"));
    }

    [LoggerMessage(Message = "[{Rule}] {Tag}: {Text}")]
    private static partial void LogRuleMessage(ILogger logger, LogLevel level, string rule, string tag, string text);
}
