namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>Where a test reactor serves its API and what environment it (and the CLI talking to it) gets.</summary>
internal sealed record ReactorSettings(string Server, IReadOnlyDictionary<string, string> Environment);
