namespace EventReactor.Reactor.Security;

/// <summary>Endpoint metadata: no token needed (probes, the sign-in page and its assets).</summary>
internal sealed record OpenEndpointMetadata;
