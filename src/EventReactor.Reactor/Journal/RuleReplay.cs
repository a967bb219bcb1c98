using EventReactor.Contracts.Api;
using EventReactor.Core.Evaluation.Replay;
using EventReactor.Core.Rules;
using EventReactor.Core.Tags;
using EventReactor.Core.Time;
using EventReactor.Reactor.Actions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Journal;

/// <summary>
/// <c>POST /api/rules/replay</c>: streams the journal's window, with the audit, through a <see cref="ReplaySession"/>
/// for the candidate rules (sent, or the files on the reactor's disk). Reads only; nothing is executed.
/// </summary>
internal sealed class RuleReplay(EventJournal journal, ActionRegistry actions, IOptions<ReactorOptions> options, TimeProvider time)
{
    /// <exception cref="ReplayRefusedException">The request cannot be replayed; the message says why.</exception>
    public async Task<ReplayReport> RunAsync(ReplayRequest request, CancellationToken cancellationToken)
    {
        if (!journal.Enabled)
        {
            throw new ReplayRefusedException("Journal off", $"the reactor keeps no journal ({JournalOptions.Section}:{nameof(JournalOptions.Enabled)} is false), so there is nothing to replay", StatusCodes.Status409Conflict);
        }

        var window = ShortDuration.Parse(request.Window)
            ?? throw new ReplayRefusedException("Bad window", $"window '{request.Window}' must be a whole number followed by s, m, h or d, such as 24h", StatusCodes.Status400BadRequest);
        var tag = string.IsNullOrWhiteSpace(request.Tag) ? null : TagGlob.Parse(request.Tag);
        var candidate = Load(request.Files);
        var to = time.GetUtcNow();
        var from = to - window;
        var session = new ReplaySession(candidate, options.Value.MaxDepth, tag);
        await journal.ReadWindowAsync(from, to, session.Add, cancellationToken);
        return session.Finish(from, to);
    }

    private RuleSet Load(IReadOnlyList<RuleFileText>? files)
    {
        var loader = new RuleSetLoader(actions.Catalog);
        var result = files is { Count: > 0 } ? loader.Load(files.Select(f => (f.Path, f.Text))) : loader.Load([options.Value.RulesPath]);
        return result.IsValid
            ? result.RuleSet!
            : throw new ReplayRefusedException("Invalid rules", string.Join(Environment.NewLine, result.Diagnostics), StatusCodes.Status400BadRequest);
    }
}
