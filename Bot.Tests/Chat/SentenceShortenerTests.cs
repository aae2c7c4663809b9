namespace Bot.Tests.Chat;

public sealed class SentenceShortenerTests
{
    [Fact]
    public void Text_within_the_limit_is_unchanged() =>
        Assert.Equal("One. Two.", SentenceShortener.Shorten("One. Two.", 20));

    [Fact]
    public void Cuts_at_the_last_sentence_end_that_fits() =>
        Assert.Equal("First sentence. Second one. …", SentenceShortener.Shorten("First sentence. Second one. Third sentence is long.", 35));

    [Fact]
    public void Never_cuts_inside_a_quotation()
    {
        var text = "He wrote “We cut jobs. It hurt. We grew.” and left. More follows here.";
        Assert.Equal("He wrote “We cut jobs. It hurt. We grew.” and left. …", SentenceShortener.Shorten(text, 60));
        // A sentence that ends with the quotation may end there, but never at "jobs." or "hurt." inside it.
        Assert.Equal("He wrote “We cut jobs. It hurt. We grew.” …", SentenceShortener.Shorten(text, 50));
        Assert.Equal("Intro. …", SentenceShortener.Shorten("Intro. “A. B. C. D.” x", 14));
        Assert.Equal("Intro. …", SentenceShortener.Shorten("Intro. \"A. B. C. D.\" x", 14));
    }

    [Fact]
    public void A_first_sentence_longer_than_the_limit_is_cut_at_a_word()
    {
        var shortened = SentenceShortener.Shorten("averyveryverylongword and another word without any end", 30);
        Assert.True(shortened.Length <= 30);
        Assert.Equal("averyveryverylongword and …", shortened);
    }
}
