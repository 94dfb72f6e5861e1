"""Attribution: who said each quote, with name variants unified."""

from newsdiff.engine import analyse_version, extract_quotes, unify_speakers


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


def test_name_said_after_the_quote():
    assert speakers("“We can confirm it,” Kirby said.") == ["Kirby"]


def test_said_name_after_the_quote():
    assert speakers("“We can confirm it,” said John Kirby, a spokesman.") == ["John Kirby"]


def test_name_told_reporters_before_a_partial_quote():
    text = "John Kirby told reporters that Iran had sent a “relatively small number” of trainers."
    assert speakers(text) == ["John Kirby"]


def test_according_to():
    assert speakers("“Troops are in Crimea,” according to John Kirby.") == ["John Kirby"]


def test_added():
    assert speakers("“Russia has received dozens of drones,” Kirby added.") == ["Kirby"]


def test_said_in_a_statement_with_titles_stripped():
    text = "“These attacks are cowardly,” Foreign Secretary James Cleverly said in a statement."
    assert speakers(text) == ["James Cleverly"]


def test_quote_after_a_colon():
    assert speakers("Kirby was blunt: “We are not focused on diplomacy.”") == ["Kirby"]


def test_colon_closing_the_previous_paragraph():
    text = "John Kirby set out the terms:\n\n“We have asked for three things.”"
    assert speakers(text) == ["John Kirby"]


def test_pronoun_resolves_to_the_nearest_named_person():
    text = ("John Kirby spoke after talks with President Barack Obama’s former aides.\n\n"
            "“We are far apart,” he said.")
    assert speakers(text) == ["John Kirby"]


def test_pronoun_skips_people_named_after_a_preposition():
    text = ("Under questioning from Omar Siddiqui, Dr Fiona Castellan said she was not asked.\n\n"
            "“Nobody asked me,” she said.")
    assert speakers(text) == ["Fiona Castellan"]


def test_surname_and_mr_resolve_to_the_full_name_in_a_version():
    text = ("National Security Council spokesman John Kirby spoke on Thursday.\n\n"
            "“We can confirm it,” Mr. Kirby said.\n\n“Tehran is involved,” Kirby added.")
    assert speakers(text) == ["John Kirby", "John Kirby"]


def test_description_speaks_when_no_name_does():
    assert speakers("“We do not comment on negotiations,” a council spokesperson said.") == [
        "council spokesperson"]


def test_description_with_a_name_in_apposition_gives_the_name():
    text = "“We have examined every alternative,” the company’s chief executive, Pernille Aas, said."
    assert speakers(text) == ["Pernille Aas"]


def test_unattributed_quote_continues_the_previous_speaker():
    text = "“Tehran is now directly engaged,” Kirby said.\n\n“The United States will respond.”"
    assert speakers(text) == ["Kirby", "Kirby"]


def test_headline_quote_takes_the_speaker_of_the_same_words_in_the_body():
    text = ("Council sets ‘toughest budget in a generation’\n\n"
            "“This is the toughest budget in a generation,” council leader Janet Okoro said.")
    assert speakers(text) == ["Janet Okoro", "Janet Okoro"]


def test_name_variants_share_a_key_across_a_story():
    a = analyse_version("“We can confirm it,” said John Kirby.")
    b = analyse_version("“We can confirm it,” Kirby said.")
    c = analyse_version("“It is cowardly,” said James Cleverley.\n\n“Yes,” said James Cleverly.")
    a, b, c = unify_speakers([a, b, c])
    assert a.quotes[0].speaker_key == b.quotes[0].speaker_key == "john kirby"
    assert c.quotes[0].speaker_key == c.quotes[1].speaker_key


def test_different_people_with_one_surname_keep_different_keys():
    a = analyse_version("“We will sign,” said Joe Biden.")
    b = analyse_version("“I was not there,” said Hunter Biden.")
    a, b = unify_speakers([a, b])
    assert a.quotes[0].speaker_key != b.quotes[0].speaker_key


def test_a_statement_speaks_for_whoever_issued_it():
    text = (
        "The Arland Steel Association said in a statement that talks went well.\n\n"
        "“We remain committed to a fair trading relationship,” the statement said."
    )
    assert speakers(text) == ["Arland Steel Association"]


def test_a_pronoun_after_a_closed_quote_starts_a_new_sentence():
    text = (
        "Transport Minister Paul Eckhardt said: “Every resource is being made available.”\n\n"
        "Greta Lund, the operator's chief executive, said: “This is our worst day.” "
        "She added: “Our staff are at the scene.”"
    )
    assert speakers(text) == ["Paul Eckhardt", "Greta Lund", "Greta Lund"]


def test_an_unattributed_headline_quote_takes_the_speaker_of_its_repeat_in_the_body():
    text = (
        "Town’s oldest record shop to close: ‘Forty years of rock ’n’ roll’\n\n"
        "‘I opened this shop in ’86,’ said Mr Des O’Rourke. "
        "‘Forty years of rock ’n’ roll, and I wouldn’t change a day of it.’"
    )
    assert speakers(text)[0] == "Des O’Rourke"


def test_a_headline_fragment_takes_the_speaker_of_the_one_quote_holding_its_words():
    text = (
        "Lumora Chief Says Cuts Are ‘Painful but Necessary’ as 1,200 Jobs Go\n\n"
        "“It is painful, but it is necessary,” Nadia Ferrante said on Saturday."
    )
    assert speakers(text) == ["Nadia Ferrante", "Nadia Ferrante"]
