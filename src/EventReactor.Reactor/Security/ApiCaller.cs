using Microsoft.AspNetCore.Http;

namespace EventReactor.Reactor.Security;

/// <summary>The token a request was let in with; none when the API is open (no token configured).</summary>
internal static class ApiCaller
{
    private static readonly object Key = new();

    public static ApiCredential? Of(HttpContext context) => context.Items.TryGetValue(Key, out var caller) ? (ApiCredential?)caller : null;

    public static void Set(HttpContext context, ApiCredential caller) => context.Items[Key] = caller;
}
