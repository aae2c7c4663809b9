using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Bot.Tests.Digest.Support;

/// <summary>Reads a multipart/form-data body the way a server would, part by part.</summary>
internal static class MultipartParts
{
    public static async Task<IReadOnlyList<(string Name, string? FileName, string? ContentType, byte[] Data)>>
        ReadAsync(string contentType, byte[] body, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(contentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(body));
        var parts = new List<(string, string?, string?, byte[])>();
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var data = new MemoryStream();
            await section.Body.CopyToAsync(data, cancellationToken);
            parts.Add((HeaderUtilities.RemoveQuotes(disposition.Name).Value!, HeaderUtilities.RemoveQuotes(disposition.FileName).Value,
                section.ContentType, data.ToArray()));
        }
        return parts;
    }
}
