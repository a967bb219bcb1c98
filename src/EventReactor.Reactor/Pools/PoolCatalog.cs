using EventReactor.Core.Diagnostics;
using EventReactor.Core.Pools;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Pools;

/// <summary>
/// The pools declared in <c>Reactor:PoolsFile</c>. The file is read again when it changes; a bad edit keeps the pools in
/// force and is reported with every problem as <c>file:line:column: message</c>. A missing file means no pools.
/// </summary>
internal sealed partial class PoolCatalog(IOptions<ReactorOptions> options, ILogger<PoolCatalog> logger)
{
    private IReadOnlyList<PoolDefinition> _pools = [];
    private DateTime? _loadedStamp;

    public string FilePath => Path.GetFullPath(options.Value.PoolsFile);

    public IReadOnlyList<PoolDefinition> Current => _pools;

    public PoolDefinition Get(string name) =>
        _pools.FirstOrDefault(p => p.Name == name)
        ?? throw new PoolException($"no pool '{name}' in {FilePath}; pools: {(_pools.Count == 0 ? "none" : string.Join(", ", _pools.Select(p => p.Name)))}", notFound: true);

    /// <summary>Reads the file if it changed since the last read; returns the problems of a refused edit (empty when none).</summary>
    public IReadOnlyList<RuleDiagnostic> Refresh()
    {
        var stamp = File.Exists(FilePath) ? File.GetLastWriteTimeUtc(FilePath) : (DateTime?)null;
        if (stamp == _loadedStamp)
        {
            return [];
        }

        _loadedStamp = stamp;
        if (stamp is null)
        {
            _pools = [];
            return [];
        }

        var diagnostics = new List<RuleDiagnostic>();
        var pools = PoolFileParser.Parse(FilePath, File.ReadAllText(FilePath), diagnostics);
        if (diagnostics.Count > 0)
        {
            LogInvalid(logger, FilePath, string.Join(Environment.NewLine, diagnostics));
            return diagnostics;
        }

        _pools = pools;
        LogLoaded(logger, pools.Count, FilePath);
        return [];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} pools from {Path}")]
    private static partial void LogLoaded(ILogger logger, int count, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "The pools file {Path} is invalid; the pools in force stay:\n{Errors}")]
    private static partial void LogInvalid(ILogger logger, string path, string errors);
}
