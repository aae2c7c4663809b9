namespace Bot.Tests.Storage;

/// <summary>A document's text is held as UTF-8 and decoded when read: it must read back exactly, offsets included.</summary>
public sealed class DocumentTextTests
{
    [Fact]
    public void Text_reads_back_exactly_with_characters_outside_ascii()
    {
        const string text = "Zürich: 1.200 Stellen — «restructuring» 🚀 at Société Générale.";
        var document = new DocumentRecord { Text = text };

        Assert.Equal(text, document.Text);
        Assert.Equal(text.Length, document.Text.Length);
        Assert.Equal("🚀", document.Text.Substring(text.IndexOf("🚀", StringComparison.Ordinal), 2));
    }

    [Fact]
    public void A_new_text_is_read_after_the_old_one_was_decoded()
    {
        var document = new DocumentRecord { Text = "first version" };
        Assert.Equal("first version", document.Text);

        document.Text = "second version";

        Assert.Equal("second version", document.Text);
        Assert.Equal("", new DocumentRecord().Text);
    }

    [Fact]
    public void Many_documents_read_in_turn_each_keep_their_own_text()
    {
        // More documents than the decoded-text cache holds, read twice over, so entries are evicted and reused.
        var documents = Enumerable.Range(0, 2000).Select(i => new DocumentRecord { Text = $"document {i} text é" }).ToList();
        for (var round = 0; round < 2; round++)
            for (var i = 0; i < documents.Count; i++)
                Assert.Equal($"document {i} text é", documents[i].Text);
    }
}
