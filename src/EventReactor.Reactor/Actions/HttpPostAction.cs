using System.Collections;
using System.Globalization;
using System.Text;
using EventReactor.Core.Actions;
using EventReactor.Core.Expressions;
using EventReactor.Core.Rules;

namespace EventReactor.Reactor.Actions;

/// <summary><c>http.post</c>: posts JSON to another system, e.g. a chat webhook or a CI server.</summary>
internal sealed class HttpPostAction(IHttpClientFactory clients) : IActionHandler
{
    public const string ClientName = "http.post";
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static ActionSchema Definition { get; } = new(
        "http.post",
        "POST a JSON body to a URL; a non-2xx answer or a timeout is a failure (and is retried as the rule says).",
        [
            new("url", ArgumentKind.String, true, "an http:// or https:// URL"),
            new("headers", ArgumentKind.Map, false, "request headers"),
            new("body", ArgumentKind.Any, false, "the JSON body"),
            new("timeout", ArgumentKind.String, false, "e.g. 5s; default 10s"),
        ]);

    public ActionSchema Schema => Definition;

    public async Task<ActionResult> ExecuteAsync(ActionInvocation invocation, CancellationToken cancellationToken)
    {
        var url = invocation.GetString("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ActionArgumentException($"'url' must be an http:// or https:// URL, got '{url}'");
        }

        var timeout = DefaultTimeout;
        if (invocation.GetString("timeout") is { } timeoutText && (!DurationParser.TryParse(timeoutText, out timeout) || timeout <= TimeSpan.Zero))
        {
            throw new ActionArgumentException($"'timeout' must be a duration such as 5s, got '{timeoutText}'");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(CelValues.ToJson(invocation.Arguments.GetValueOrDefault("body")).GetRawText(), Encoding.UTF8, "application/json"),
        };
        if (invocation.Arguments.GetValueOrDefault("headers") is IDictionary headers)
        {
            foreach (DictionaryEntry header in headers)
            {
                var name = Convert.ToString(header.Key, CultureInfo.InvariantCulture)!;
                var value = CelValues.ToText(header.Value);
                if (!request.Headers.TryAddWithoutValidation(name, value))
                {
                    request.Content.Headers.Remove(name);
                    request.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, deadline.Token);
            return response.IsSuccessStatusCode
                ? new ActionResult($"POST {uri} answered {(int)response.StatusCode}")
                : throw new HttpRequestException($"POST {uri} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A timeout is a failure to retry, not a cancellation of the reactor.
            throw new TimeoutException($"POST {uri} did not answer within {timeout.TotalSeconds}s");
        }
    }
}
