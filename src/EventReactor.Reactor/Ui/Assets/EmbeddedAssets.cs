using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace EventReactor.Reactor.Ui.Assets;

/// <summary>The dashboard's CSS and JavaScript, embedded in the assembly (logical names <c>ui/...</c>) and served from memory with ETags.</summary>
internal sealed class EmbeddedAssets
{
    private const string Prefix = "ui/";
    private readonly Dictionary<string, (byte[] Content, string ContentType, string ETag)> _files = new(StringComparer.Ordinal);

    public EmbeddedAssets()
    {
        var assembly = typeof(EmbeddedAssets).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            _files[name[Prefix.Length..].Replace('\\', '/')] = (content, ContentTypeOf(name), $"\"{Convert.ToHexString(SHA256.HashData(content))[..16]}\"");
        }
    }

    public IResult Serve(HttpContext context, string path)
    {
        if (!_files.TryGetValue(path, out var file))
        {
            return Results.NotFound();
        }

        context.Response.Headers.ETag = file.ETag;
        context.Response.Headers.CacheControl = "no-cache";
        return context.Request.Headers.IfNoneMatch.ToString() == file.ETag
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(file.Content, file.ContentType);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "text/plain; charset=utf-8",
    };
}
