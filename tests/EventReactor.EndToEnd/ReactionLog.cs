using System.Globalization;
using System.Threading.Channels;
using EventReactor.Contracts;

namespace EventReactor.EndToEnd;

/// <summary>
/// The soak reactor's observer: appends one line per confirmed reaction (its id, its cause's id and its level: 0 for
/// <c>bench/fired/...</c>, 1 to 3 for the chain) to a file, written by one task, so that the reactor process holds no
/// growing tally and its memory can be measured; <see cref="SoakVerdict"/> reads the file.
/// </summary>
internal sealed class ReactionLog : IReactionObserver, IAsyncDisposable
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writing;

    public ReactionLog(string path) => _writing = WriteAsync(path);

    public static int? LevelOf(string tag) =>
        tag.StartsWith(RuleFile.FiredTagPrefix, StringComparison.Ordinal) ? 0
        : tag.StartsWith(RuleFile.ChainTagPrefix, StringComparison.Ordinal) ? int.Parse(tag.AsSpan(RuleFile.ChainTagPrefix.Length), CultureInfo.InvariantCulture)
        : null;

    public bool Listening => true;

    public void Observe(EventEnvelope published)
    {
        if (LevelOf(published.Tag) is { } level)
        {
            _lines.Writer.TryWrite(string.Create(CultureInfo.InvariantCulture, $"{published.Id} {published.CausedBy} {level}"));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _lines.Writer.TryComplete();
        await _writing;
    }

    private async Task WriteAsync(string path)
    {
        await using var writer = new StreamWriter(path, append: false);
        while (await _lines.Reader.WaitToReadAsync())
        {
            while (_lines.Reader.TryRead(out var line))
            {
                await writer.WriteLineAsync(line);
            }

            await writer.FlushAsync();
        }
    }
}
