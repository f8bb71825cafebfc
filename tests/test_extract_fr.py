"""French constructions, each on a small sentence written for the test (not from the corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.articles import load_article, parse_article
from tui.attribution import extract_claims

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "articles" / "coree-du-nord-russie.txt"


def run(text: str, outlet: str = "Le Courrier du Test", language: str = "fr") -> list[dict]:
    body = f"---\noutlet: {outlet}\nlanguage: {language}\n---\n{text}\n"
    article = parse_article(body, path="<test>")
    ann = extract_claims(article)
    sources = {s.id: s for s in ann.sources}
    out = []
    for c in ann.claims:
        hops = [h for h in c.chain if h.mention is not None]
        out.append(
            {
                "text": c.span.text(article.body),
                "cue": c.cue.text(article.body) if c.cue else None,
                "chain": [h.mention.text(article.body) for h in hops],
                "names": [sources[h.source].name for h in hops],
                "inferred": [h.inferred for h in hops],
                "hedged": bool(c.hedges),
                "hedges": [h.text(article.body) for h in c.hedges],
                "anonymous": c.anonymous,
                "last": c.chain[-1],
                "outlet_id": ann.sources[0].id,
            }
        )
    return out


def attributed(text: str, **kw) -> list[dict]:
    return [c for c in run(text, **kw) if c["chain"]]


def one(text: str, **kw) -> dict:
    found = attributed(text, **kw)
    assert len(found) == 1, found
    return found[0]


# --- prepositions, before and after the claim -------------------------------------------


@pytest.mark.parametrize(
    "sentence, source",
    [
        ("Selon le syndicat Force Rail, la grève a coûté trois millions d'euros.", "Force Rail"),
        ("D'après la préfecture de l'Aube, la grève a coûté trois millions d'euros.", "préfecture"),
        (
            "Aux yeux de l'économiste Paul Martin, la grève a coûté trois millions d'euros.",
            "Martin",
        ),
        ("À en croire la mairie de Lens, la grève a coûté trois millions d'euros.", "mairie"),
        ("De source policière, la grève a coûté trois millions d'euros.", "source policière"),
        ("De l'avis de plusieurs analystes, la grève a coûté trois millions d'euros.", "analystes"),
        ("La grève a coûté trois millions d'euros, selon le syndicat Force Rail.", "Force Rail"),
        ("La grève a coûté trois millions d'euros, d'après la préfecture de l'Aube.", "préfecture"),
    ],
)
def test_prepositions(sentence: str, source: str) -> None:
    c = one(sentence)
    assert "trois millions d'euros" in c["text"]
    assert source in c["chain"][0]
    assert not c["hedged"]


def test_pour_needs_a_title() -> None:
    c = one("Pour la sociologue Anne Roy, cette réforme creuse les inégalités.")
    assert "creuse les inégalités" in c["text"]
    assert "Anne Roy" in c["chain"][0]
    assert attributed("Pour Jean Valjean, cette réforme est une chance.") == []
    assert attributed("Pour les habitants, la route reste fermée.") == []


# --- verbs ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "verb",
    ["a déclaré", "a affirmé", "a estimé", "a indiqué", "a révélé", "a confirmé", "rapportait"],
)
def test_verb_que(verb: str) -> None:
    c = one(f"Le ministère de la Santé {verb} que le vaccin serait disponible en mars.")
    assert c["text"].startswith("le vaccin serait disponible")
    assert c["chain"] == ["Le ministère de la Santé"]


def test_present_estime_que_keeps_conditional_hedge() -> None:
    c = one("L'institut Datastat estime que le chômage pourrait baisser l'an prochain.")
    assert c["hedged"] and c["hedges"] == ["pourrait"]


def test_future_in_the_past_is_not_a_hedge() -> None:
    c = one("La ministre a assuré que les aides seraient versées avant l'été.")
    assert not c["hedged"]


@pytest.mark.parametrize(
    "claim",
    [
        "le coureur aurait déposé une demande après le contrôle",
        "le convoi aurait d'abord été visé par des engins explosifs",
        "l'accusé aurait par ailleurs tenté de fuir",
    ],
)
def test_past_conditional_after_a_past_cue_is_a_hedge(claim: str) -> None:
    # a past fact in the conditional: the journalist's distance, not a future-in-the-past
    c = one(f"Le journal ajoutait que {claim}.")
    assert c["hedges"] == ["aurait"]


@pytest.mark.parametrize("claim", ["le club aurait un nouvel entraîneur", "la fête aurait lieu"])
def test_conditional_of_avoir_without_participle_stays_future_in_the_past(claim: str) -> None:
    c = one(f"Le président a assuré que {claim} en juin.")
    assert not c["hedged"]


def test_inverted_after_quote_with_pronoun() -> None:
    cs = attributed(
        "Le maire de Sète, Paul Lenoir, a fermé la plage. "
        "« Nous n'avions pas le choix », a-t-il déclaré."
    )
    quote = next(c for c in cs if "pas le choix" in c["text"])
    assert quote["chain"] == ["il"]
    assert quote["names"] == ["Paul Lenoir"]


def test_inverted_subject_after_claim() -> None:
    c = one("La digue a cédé dans la nuit, affirme la gendarmerie de l'Hérault.")
    assert c["text"] == "La digue a cédé dans la nuit"
    assert "gendarmerie" in c["chain"][0]


def test_colon_quote() -> None:
    c = one("Le directeur de l'usine a prévenu : « Personne ne sera licencié. »")
    assert c["text"] == "Personne ne sera licencié."
    assert "directeur" in c["chain"][0]


def test_comme_le_rappelle() -> None:
    c = one("Comme le rappelle Le Monde, le projet avait déjà été reporté deux fois.")
    assert c["text"].startswith("le projet avait déjà été reporté")
    assert c["chain"] == ["Le Monde"]


def test_infinitive_claim() -> None:
    c = one("Le club Marseille Nord affirme avoir recruté trois nouveaux joueurs.")
    assert c["text"] == "avoir recruté trois nouveaux joueurs"


# --- relays ---------------------------------------------------------------------------------


def test_cite_par() -> None:
    c = one("Les ventes ont chuté de 20 %, selon des cadres anonymes cités par Le Figaro.")
    assert c["chain"] == ["des cadres anonymes", "Le Figaro"]
    assert c["anonymous"]


def test_citant() -> None:
    c = one("Le Parisien, citant des policiers, évoque « une piste criminelle ».")
    assert c["chain"][0] == "des policiers"
    assert c["chain"][1] == "Le Parisien"
    assert c["anonymous"]


def test_selon_x_qui_cite_y() -> None:
    c = one("Le site a fermé, selon l'AFP, qui cite un porte-parole de la région.")
    assert "porte-parole" in c["chain"][0]
    assert c["chain"][1] == "l'AFP"


def test_recipient_outlet_is_a_relay() -> None:
    c = one("« Le calendrier sera tenu », a assuré le maire, Luc Brun, à l'agence Reuters.")
    assert c["names"][0] == "Luc Brun"
    assert c["chain"][1] == "l'agence Reuters"


def test_relay_across_sentences_is_inferred() -> None:
    cs = attributed(
        "D'après la direction du Trésor, le déficit aurait atteint 6 % du PIB. "
        "Le chiffre est inédit depuis 1993, selon le quotidien Les Échos."
    )
    first = cs[0]
    assert "6 % du PIB" in first["text"]
    assert first["chain"] == ["la direction du Trésor", "le quotidien Les Échos"]
    assert first["inferred"] == [False, True]
    assert first["hedged"]


# --- pronouns, anonymity, hedges --------------------------------------------------------------


def test_selon_lui() -> None:
    cs = attributed("Le sénateur Marc Vidal a critiqué le texte. Selon lui, la loi sera censurée.")
    c = next(c for c in cs if "censurée" in c["text"])
    assert c["chain"] == ["lui"] and c["names"] == ["Marc Vidal"]


def test_anonymous_sources() -> None:
    c = one("Selon une source proche du dossier, l'accord sera signé lundi.")
    assert c["anonymous"]
    c = one("L'accord sera signé lundi, selon des responsables sous couvert d'anonymat.")
    assert c["anonymous"]
    c = one("Selon la préfecture du Nord, l'accord sera signé lundi.")
    assert not c["anonymous"]


@pytest.mark.parametrize("verb", ["aurait envoyé", "seraient morts", "recevraient", "pourrait"])
def test_conditional_hedges(verb: str) -> None:
    c = one(f"Selon la mairie de Brest, le groupe {verb} des renforts.")
    assert c["hedged"]


def test_imperfect_and_nouns_are_not_conditionals() -> None:
    c = one("Selon la mairie de Brest, le retrait entrait en vigueur et durait un mois.")
    assert not c["hedged"]


def test_pretendument_and_unsourced_hedge() -> None:
    cs = run("Le navire aurait prétendument coulé au large.")
    assert len(cs) == 1 and cs[0]["chain"] == [] and cs[0]["hedged"]


def test_hedged_continuation_keeps_source() -> None:
    cs = run(
        "Selon l'armée de l'air, deux drones ont été abattus. "
        "Ces appareils auraient décollé de la frontière."
    )
    cont = next(c for c in cs if "décollé" in c["text"])
    assert cont["names"] and "armée" in cont["chain"][0] and cont["inferred"] == [True]


# --- traps ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Les loyers varient selon les cas entre 500 et 900 euros.",
        "Le texte sera adopté, selon toute vraisemblance, avant l'été.",
        "D'après le règlement intérieur, les visites sont interdites le dimanche.",
        "Le pays veut affirmer sa puissance face à ses voisins.",
        "Le directeur n'a pas souhaité dire si le site fermerait.",
        "Le film raconte que deux frères fuient la guerre.",
        "Selon nos informations, la direction a déjà choisi un remplaçant.",
        "D'après l'accord signé en 2008, chaque État s'engage à réprimer l'orpaillage.",
        "L'hiver s'annonce tendu : deux réacteurs resteront à l'arrêt.",
        "L'addition s'annonçait lourde pour la station.",
    ],
)
def test_traps(sentence: str) -> None:
    assert attributed(sentence) == []


def test_boilerplate_is_skipped() -> None:
    text = (
        "Selon la mairie de Lyon, le tram reprendra lundi.\n\n"
        "LIRE AUSSI : Paul Durand : « La ville doit investir »\n"
    )
    cs = attributed(text)
    assert len(cs) == 1 and "tram" in cs[0]["text"]


def test_chain_ends_with_the_article() -> None:
    for c in run("Selon Le Monde, le tram reprendra lundi. Il aurait coûté cher."):
        assert c["last"].mention is None and c["last"].source == c["outlet_id"]


# --- the seed -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed():
    article = load_article(SEED)
    return article, extract_claims(article)


def test_seed_first_claim_chain(seed) -> None:
    article, ann = seed
    c = next(c for c in ann.claims if "15 000 travailleurs" in c.span.text(article.body))
    names = [ann.source(h.source) for h in c.chain]
    assert [n.name for n in names] == ["NIS", "Newsweek", "L'Express"]
    assert [h.inferred for h in c.chain[:2]] == [False, True]
    assert c.chain[-1].mention is None
    assert c.hedges


def test_seed_new_york_times_claim(seed) -> None:
    article, ann = seed
    c = next(c for c in ann.claims if "retrait temporaire" in c.span.text(article.body))
    hops = [h for h in c.chain if h.mention is not None]
    assert len(hops) == 2
    assert "responsables ukrainiens et américains anonymes" in hops[0].mention.text(article.body)
    assert "New York Times" in hops[1].mention.text(article.body)
    assert not any(h.inferred for h in hops)
    assert c.anonymous


def test_seed_one_source_for_the_intelligence_service(seed) -> None:
    _, ann = seed
    nis = [s for s in ann.sources if s.name == "NIS"]
    assert len(nis) == 1
    assert any("renseignements sud-coréens" in a for a in nis[0].aliases)
    assert ann.meta.language == "fr"
    assert [c.id for c in ann.claims] == [f"c{i}" for i in range(1, len(ann.claims) + 1)]


# --- constructions added for generalisation (phrases écrites pour ces tests) -------------


def test_cue_inverse_au_milieu() -> None:
    found = attributed(
        "La directrice Marie Vasseur a présenté le projet mardi. "
        "Le chantier, a-t-elle précisé, doit s'achever en juin."
    )
    assert "s'achever en juin" in found[-1]["text"]
    assert found[-1]["names"] == ["Marie Vasseur"]


def test_pour_nom_avec_titre() -> None:
    c = one("Pour Louise Garnier, économiste chez Valdor Finance, la hausse « arrive trop tôt ».")
    assert "arrive trop tôt" in c["text"]
    assert "Louise Garnier" in c["chain"][0]


def test_pour_complement_sans_titre() -> None:
    assert attributed("Pour les 90 salariés du site, la fermeture paraît inévitable.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "D'après la réglementation européenne, toute nouvelle chaîne doit être validée.",
        "Selon le règlement de la Ligue, le club sera relégué en National.",
    ],
)
def test_une_norme_n_est_pas_une_source(sentence: str) -> None:
    assert attributed(sentence) == []


def test_selon_les_annees_est_un_piege() -> None:
    assert attributed("Le tourisme représente selon les années jusqu'à 40 % des recettes.") == []


def test_incise_entre_virgules_avant_que() -> None:
    c = one(
        "Une source proche du dossier a indiqué au Courrier, sous couvert d'anonymat, "
        "que la vente était suspendue."
    )
    assert c["text"] == "la vente était suspendue"
    assert c["anonymous"]


def test_recipient_puis_locuteur() -> None:
    c = one("« Les navires sont vétustes », explique au journal Paul Roussel, analyste.")
    assert "Paul Roussel" in c["chain"][0]


def test_relais_avec_mots_entre_participe_et_par() -> None:
    c = one(
        "Des diplomates interrogés sous couvert d'anonymat par le site Eurodaily estiment "
        "que les sanctions seront prolongées."
    )
    assert "Eurodaily" in c["chain"][-1]
    assert len(c["chain"]) == 2
    assert c["anonymous"]


def test_sujet_repris_par_pronom_tonique() -> None:
    c = one("Le ministère des Finances, lui, a annoncé lundi de nouvelles aides aux éleveurs.")
    assert "nouvelles aides" in c["text"]
    assert "ministère" in c["chain"][0]


def test_adverbe_de_trois_mots_entre_auxiliaire_et_verbe() -> None:
    c = one("La commissaire Anne Lodé a pour sa part reconnu que le texte restait flou.")
    assert c["text"] == "le texte restait flou"


def test_relative_apres_apposition() -> None:
    found = attributed(
        "« Les filets sont vides », raconte Yannick, marin à Douarnenez, "
        "qui dit avoir alerté la préfecture."
    )
    assert all(c["names"] == ["Yannick"] for c in found), found


def test_possessif_designe_le_locuteur() -> None:
    found = attributed(
        "Pour Hugo Matter, analyste chez Orbis, le plan est fragile. "
        "Selon ses calculs, il coûterait 30 millions d'euros."
    )
    assert found[-1]["names"] == found[0]["names"]


def test_une_equipe_parle_pour_elle_meme_pas_son_possesseur() -> None:
    """ "Son équipe de campagne a démenti": l'équipe est la source (un collectif), pas le
    dernier locuteur que "Son" désignerait."""
    found = attributed(
        "Selon Le Parisien, qui cite un proche de la candidate, Mme Vautrin pourrait se "
        "retirer. Son équipe de campagne a démenti jeudi toute « discussion de ce type »."
    )
    assert found[-1]["names"] == ["équipe de campagne"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Selon un article du Monde, le projet serait abandonné.",
        "Un article du Canard enchaîné, selon lequel le projet serait abandonné, a fait du bruit.",
    ],
)
def test_un_article_d_un_journal_est_une_source(sentence: str) -> None:
    c = one(sentence)
    assert c["text"].startswith("le projet serait abandonné")
    assert c["chain"][0].endswith(("article du Monde", "article du Canard enchaîné"))


@pytest.mark.parametrize(
    "sentence",
    [
        "D'après un article du Code du travail, le salarié peut refuser.",
        "Selon un article de loi, le salarié peut refuser.",
    ],
)
def test_un_article_de_loi_n_est_pas_une_source(sentence: str) -> None:
    assert attributed(sentence) == []


def test_ce_dernier_est_le_dernier_nomme_pas_le_dernier_locuteur() -> None:
    found = attributed(
        "D'après RMC Sport, l'agent s'est rendu à Londres pour rencontrer le directeur "
        "sportif du club, Neil Ashby. Ce dernier aurait assuré que le joueur était « la "
        "priorité numéro un »."
    )
    assert found[-1]["names"] == ["Neil Ashby"]


def test_une_incise_finale_qui_cite_d_autres_sources_les_met_entre_origine_et_journal() -> None:
    c = one(
        "Les services de renseignement occidentaux estiment que Tarsa a massé 15 000 hommes "
        "à la frontière, rapporte le Financial Times, qui cite deux diplomates européens."
    )
    assert c["chain"] == [
        "Les services de renseignement occidentaux",
        "deux diplomates européens",
        "le Financial Times",
    ]


def test_de_source_independante_n_est_pas_une_source() -> None:
    c = one(
        "Selon le colonel Anton Vresk, plus de 200 soldats ont été tués, un bilan "
        "invérifiable de source indépendante."
    )
    assert c["names"] == ["Anton Vresk"]


@pytest.mark.parametrize("adjunct", ["sur Telegram", "sur France Inter"])
def test_incise_inversee_avec_un_nom_en_complement_avant_le_locuteur(adjunct: str) -> None:
    c = one(f"« Ce sont des images anciennes », a rétorqué {adjunct} le porte-parole, Ilir Daskal.")
    assert c["text"] == "Ce sont des images anciennes"
    assert c["names"] == ["Ilir Daskal"]


def test_un_sondage_pour_le_journal_lui_meme_reste_celui_de_l_institut() -> None:
    """ "l'institut Opinéa pour Le Républicain de Loire": deux noms, pas un ; le journal
    commanditaire est l'article lui-même, l'institut la source."""
    c = one(
        "Selon un sondage de l'institut Opinéa pour Le Républicain de Loire, publié ce "
        "mercredi, sa liste recueillerait 34 % des intentions de vote.",
        outlet="Le Républicain de Loire",
    )
    assert c["names"] == ["Opinéa"]


def test_un_nom_d_institution_garde_son_nom_commun_de_tete() -> None:
    c = one("Les prix ont augmenté, selon le Ministère de la Santé.")
    assert c["names"] == ["Ministère de la Santé"]


def test_un_nom_apres_un_article_et_un_adjectif_n_est_pas_un_verbe() -> None:
    """ "conserverait une nette avance": "avance" est un nom (complément d'objet), pas le
    verbe "avancer" ; "Un expert avance que …" reste un indice."""
    assert attributed("La maire sortante conserverait une nette avance sur ses rivaux.") == []
    assert one("Un expert avance que le projet est fragile.")["names"] == ["expert"]


@pytest.mark.parametrize(
    "sentence",
    [
        "« On a un boulevard », se serait pourtant réjoui un conseiller du candidat.",
        "« On a un boulevard », aurait affirmé un conseiller du candidat.",
    ],
)
def test_une_attribution_au_conditionnel_est_une_reserve(sentence: str) -> None:
    c = one(sentence)
    assert c["text"] == "On a un boulevard"
    assert c["names"] == ["conseiller du candidat"] and c["hedged"]


def test_une_attribution_a_l_indicatif_n_en_est_pas_une() -> None:
    assert not one("« On a un boulevard », a affirmé un conseiller du candidat.")["hedged"]


def test_reveler_les_propos_les_relaie_sans_rien_affirmer() -> None:
    found = attributed(
        "La directrice, Dana Whitcombe, a déclaré en juillet que le produit était le plus "
        "important. Un enregistrement de la réunion a été obtenu par Mediapart, qui a révélé "
        "les propos mardi."
    )
    assert len(found) == 1
    assert found[0]["chain"] == ["La directrice, Dana Whitcombe", "Mediapart"]


def test_le_vendeur_du_film_est_une_vraie_source() -> None:
    """ "le vendeur du film": le film n'est qu'un complément, pas une fiction qui parle."""
    c = one("Selon Variety, qui cite le vendeur du film, les droits ont été cédés en Belgique.")
    assert c["chain"] == ["le vendeur du film", "Variety"]


def test_quant_a_x_il_est_x() -> None:
    found = attributed(
        "Paul-Henri Dastugue n'a pas réagi. Olivier Masson a démenti toute négociation. "
        "Quant à M. Dastugue, il assure n'avoir « jamais reçu le moindre appel »."
    )
    assert found[-1]["names"] == ["Paul-Henri Dastugue"]


def test_un_resume_d_intrigue_n_attribue_rien() -> None:
    text = (
        "Le film suit Lise, qui garde seule une écluse. Son frère lui annonce que l'écluse "
        "sera automatisée. Selon Lise, le canal « ne pardonne rien ».\n\n"
        "Le film a été tourné à Nevers. Selon le producteur, le budget a doublé."
    )
    assert [c["names"] for c in attributed(text)] == [["producteur"]]


@pytest.mark.parametrize(
    "relative, relay",
    [("que s'est procurée Mediapart", "Mediapart"), ("qu'a consultée l'AFP", "AFP")],
)
def test_une_note_que_s_est_procuree_un_media_le_fait_relais(relative: str, relay: str) -> None:
    c = one(f"Selon une note interne {relative}, le candidat n'exclut pas une fusion de listes.")
    assert c["names"] == ["note interne", relay]


def test_avant_d_ajouter_ouvre_une_seconde_affirmation_du_meme_locuteur() -> None:
    found = attributed(
        "Le président, Gérard Lamotte, s'est exprimé mardi. Il a reconnu que « toute offre "
        "sera étudiée », avant d'ajouter : « Le prix, c'est nous qui le fixons. »"
    )
    assert [c["text"] for c in found] == [
        "toute offre sera étudiée",
        "Le prix, c'est nous qui le fixons.",
    ]
    assert all(c["names"] == ["Gérard Lamotte"] for c in found)


def test_deux_points_apres_une_citation_ouvrent_une_seconde_citation() -> None:
    found = attributed(
        "La réalisatrice Nadia Ferhat était présente. Elle assure que le film « n'est pas une "
        "biographie » : « Lise, c'est ce que ma grand-mère aurait pu devenir. »"
    )
    assert [c["text"] for c in found] == [
        "le film « n'est pas une biographie »",
        "Lise, c'est ce que ma grand-mère aurait pu devenir.",
    ]
    assert all(c["names"] == ["Nadia Ferhat"] for c in found)


@pytest.mark.parametrize(
    "sentence, name",
    [
        (
            "Le SNES-FSU, premier syndicat du second degré, dénonce une mesure « décidée sans "
            "la moindre concertation ».",
            "SNES-FSU",
        ),
        (
            "La FCPE, première fédération de parents d'élèves, juge l'idée « intéressante ».",
            "FCPE",
        ),
    ],
)
def test_une_apposition_sans_article_reste_une_apposition_du_sujet(
    sentence: str, name: str
) -> None:
    c = one(sentence)
    assert c["names"] == [name]
    assert not c["text"].startswith(("Le ", "La "))


def test_selon_ce_texte_est_le_document_nomme_avant() -> None:
    c = one(
        "Le ministère brésilien a publié un communiqué. Selon ce texte, la police fédérale "
        "aurait interpellé dimanche quatre suspects."
    )
    assert c["names"] == ["texte"] and c["hedged"]


def test_juger_avec_objet_cite() -> None:
    c = one("Le maire a jugé « inacceptable » la fermeture de la maternité.")
    assert "inacceptable" in c["text"]


def test_negated_infinitive_claim() -> None:
    c = one("Le gérant, Paul Morel, a déclaré n'avoir « reçu aucune consigne ».")
    assert "reçu aucune consigne" in c["text"]
    assert "Paul Morel" in c["chain"][0]


def test_maitre_takes_the_gender_of_the_title() -> None:
    found = attributed(
        "Le prévenu, Marc Tissot, a nié les faits. Pour son avocate, Me Anne Rigal, le "
        "dossier est vide. Elle a souligné que le devis était « le plus bas » et a plaidé "
        "la relaxe."
    )
    last = found[-1]
    assert last["names"] == ["Anne Rigal"]
    assert last["text"].endswith("« le plus bas »")


def test_plot_is_not_a_claim() -> None:
    assert (
        attributed(
            "Le film « Les Vagues », sorti en salles en mars, raconte l'histoire d'une "
            "fillette qui parle aux mouettes."
        )
        == []
    )


def test_passive_event_is_not_a_claim() -> None:
    assert attributed("Le scandale avait été révélé en 2021 par le quotidien Le Matin.") == []
    c = one("Le coût a été évalué à 4 millions d'euros par un cabinet d'audit.")
    assert "4 millions" in c["text"]


def test_present_modal_hedge() -> None:
    c = one("Selon la fédération, les jeux vidéo peuvent améliorer la mémoire.")
    assert c["hedged"]


def test_multiword_verb_with_adverb_inside() -> None:
    c = one(
        "La pédiatre Lise Garnier met toutefois en garde contre les raccourcis : « Une "
        "tablette le soir ne suffit pas à expliquer un retard. »"
    )
    assert "Une tablette le soir" in c["text"]
    assert "Lise Garnier" in c["chain"][0]


def test_inverted_subject_after_a_time_word_or_de_son_cote() -> None:
    for adjunct in ("mardi", "hier soir", "de son côté"):
        c = one(f"Le barrage tiendra, a indiqué {adjunct} la préfecture de la Lozère.")
        assert c["text"] == "Le barrage tiendra"
        assert "préfecture" in c["chain"][0]


def test_inverted_subject_then_cite_par() -> None:
    c = one(
        "« Ces accusations sont absurdes », a réagi son porte-parole, cité par l'agence Kestrel."
    )
    assert c["text"] == "Ces accusations sont absurdes"
    assert c["chain"] == ["son porte-parole", "l'agence Kestrel"]


def test_complement_des_is_not_a_subject_determiner() -> None:
    c = one(
        "Le ministère lorlandais des Affaires sociales a indiqué que les aides seraient versées."
    )
    assert c["chain"] == ["Le ministère lorlandais des Affaires sociales"]


def test_object_of_a_warning_verb() -> None:
    c = one("Le bulletin publié samedi mettait en garde contre des « coulées nombreuses ».")
    assert "coulées nombreuses" in c["text"]
    c = one(
        "Un berger de la vallée avait signalé dès jeudi, sur un forum, des « fissures » au barrage."
    )
    assert "fissures" in c["text"]


def test_message_relayed_by_an_outlet_in_the_next_sentence() -> None:
    found = attributed(
        "Un berger de la vallée avait signalé jeudi des « fissures » au barrage. "
        "Son message a été relayé samedi par le quotidien Alpes Matin."
    )
    assert found[0]["chain"] == ["Un berger de la vallée", "le quotidien Alpes Matin"]


def test_relever_de_is_not_a_cue() -> None:
    c = one("Pour Léa Morin, chercheuse au CNRS, ces incidents relèvent d'une « stratégie ».")
    assert "relèvent d'une" in c["text"]
    assert "Léa Morin" in c["chain"][0]


def test_participial_apposition_and_claim_before_named_subject() -> None:
    c = one("Le rapport, publié mardi, indique que les pertes ont doublé.")
    assert c["chain"] == ["Le rapport"]
    c = one("Le parquet a ouvert une enquête, Jean Roux, porte-parole du parquet, a précisé.")
    assert c["text"] == "Le parquet a ouvert une enquête"


def test_contact_relay_apposition_and_reflexive_reaction() -> None:
    c = one("Selon l'ARS, contactée par l'agence Kestrel, les analyses sont conformes.")
    assert c["text"] == "les analyses sont conformes"
    assert c["chain"] == ["l'ARS", "l'agence Kestrel"]
    c = one("« C'est inadmissible », s'insurge Paul Girard.")
    assert c["text"] == "C'est inadmissible"
    assert c["chain"] == ["Paul Girard"]


def test_impersonal_de_source_keeps_its_noun() -> None:
    c = one("La DGCCRF a ouvert une enquête, a-t-on appris de source proche du dossier.")
    assert c["text"] == "La DGCCRF a ouvert une enquête"
    assert c["chain"] == ["source proche du dossier"]
    assert c["anonymous"]


def test_object_clitic_before_an_inverted_verb() -> None:
    c = one("Le barrage tiendra, lui a assuré le préfet.")
    assert c["text"] == "Le barrage tiendra"
    assert c["chain"] == ["le préfet"]


def test_document_consulte_par_un_media_et_moyen_non_relais() -> None:
    c = one(
        "Les retards ont doublé, selon un document interne consulté par le quotidien Alpes Matin."
    )
    assert c["chain"] == ["un document interne", "le quotidien Alpes Matin"]
    c = one("« L'eau est montée », a raconté son maire, Paul Girard, joint par téléphone.")
    assert c["chain"] == ["son maire, Paul Girard"]


def test_jure_apres_la_citation() -> None:
    c = one("La trottinette est sûre, jure le fabricant.")
    assert c["text"] == "La trottinette est sûre"
    assert c["chain"] == ["le fabricant"]


def test_pronom_vers_le_dernier_locuteur_titre() -> None:
    found = [
        c
        for c in run(
            "Le rapport vise le cabinet de la ministre du Travail, Claire Aubel. "
            "Un ancien chef de service de la direction du budget a décrit des pressions. "
            "Entendue en mai, la ministre avait assuré que « tout était en règle ». "
            "Elle a toutefois reconnu que certains dossiers avaient été traités dans l'urgence."
        )
        if c["chain"]
    ]
    assert found[-2]["names"] == ["Claire Aubel"]
    assert found[-1]["names"] == ["Claire Aubel"]


def test_le_quotidien_est_le_dernier_journal() -> None:
    found = [
        c
        for c in run(
            "Le quotidien La Voix du Port a révélé que le terminal fermerait. "
            "L'armée n'a pas souhaité réagir. Le journal affirme avoir consulté l'arrêté."
        )
        if c["chain"]
    ]
    assert found[-1]["names"] == ["La Voix du Port"]


# --- mention boundaries, audiences, entourage, "Pour X" ----------------------------------


@pytest.mark.parametrize(
    "sentence, chain",
    [
        (
            "Selon Le Monde, Africa Corps ne compterait plus que 2 000 hommes, contre 2 500 "
            "en janvier.",
            ["Le Monde"],
        ),
        (
            "D'après un officier cité par Le Monde, la brigade ne compterait plus que 900 "
            "soldats, contre 1 200 en mai.",
            ["un officier", "Le Monde"],
        ),
    ],
)
def test_a_mention_stops_before_the_claim_clause(sentence: str, chain: list[str]) -> None:
    c = one(sentence)
    assert c["chain"] == chain
    assert "ne compterait plus" in c["text"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Le budget sera voté en décembre, a déclaré la ministre Anne Roux à la presse.",
        "Le budget sera voté en décembre, a déclaré devant les députés la ministre Anne Roux.",
        "Le budget sera voté en décembre, a affirmé lors d'une conférence de presse la "
        "ministre Anne Roux.",
        "Le budget sera voté en décembre, a indiqué aux journalistes la ministre Anne Roux.",
        "La ministre Anne Roux a expliqué aux journalistes que le budget sera voté en décembre.",
        "La ministre Anne Roux a déclaré devant les députés que le budget sera voté en décembre.",
    ],
)
def test_an_audience_is_neither_relay_nor_speaker(sentence: str) -> None:
    c = one(sentence)
    assert len(c["chain"]) == 1, c["chain"]
    assert c["names"] == ["Anne Roux"]
    assert "budget sera voté" in c["text"]


def test_a_news_outlet_told_stays_a_relay() -> None:
    c = one("Le budget sera voté en décembre, a déclaré la ministre Anne Roux à l'AFP.")
    assert c["chain"][-1] == "l'AFP"


@pytest.mark.parametrize(
    "sentence, mention",
    [
        ("Son entourage a fait savoir que le maire ne démissionnerait pas.", "Son entourage"),
        ("Selon ses proches, le maire ne démissionnerait pas.", "ses proches"),
    ],
)
def test_the_entourage_is_the_source(sentence: str, mention: str) -> None:
    c = one(sentence)
    assert c["chain"] == [mention]
    assert c["anonymous"]


@pytest.mark.parametrize(
    "sentence, mention",
    [
        (
            "Pour le virologue Marc Lenoir, de l'Institut Bréval, la hausse tient au dépistage.",
            "le virologue Marc Lenoir, de l'Institut Bréval",
        ),
        ("Pour la toxicologue Inès Caron, l'eau reste potable.", "la toxicologue Inès Caron"),
    ],
)
def test_pour_a_titled_person(sentence: str, mention: str) -> None:
    c = one(sentence)
    assert c["chain"] == [mention]
    assert not c["text"].startswith("de ")


def test_pour_a_group_is_not_a_source() -> None:
    assert not attributed("Pour les habitants, la réforme a échoué.")


# --- appositions after a leading preposition, clause-only verbs, nouns that look like verbs


def test_leading_preposition_takes_a_named_apposition() -> None:
    c = one(
        "Selon ses deux rapporteurs, le député Paul Martin et la députée Anne Roux, un tiers "
        "des contrats ne comportaient aucun objectif."
    )
    assert c["text"].startswith("un tiers des contrats")
    assert "Paul Martin" in c["chain"][0]


def test_leading_preposition_then_a_clause_is_not_an_apposition() -> None:
    c = one("Selon le rapport, la ministre Anne Roux a validé les dossiers, sans contrôle.")
    assert c["text"].startswith("la ministre Anne Roux a validé")


@pytest.mark.parametrize(
    "sentence",
    [
        "Le chiffre est spectaculaire : il a doublé en un an.",
        "Le skieur a pu donner l'alerte et n'a été que légèrement blessé.",
        "Le tableau montre des fissures sur toute sa hauteur.",
    ],
)
def test_nouns_and_objects_of_clause_verbs_are_not_cues(sentence: str) -> None:
    assert attributed(sentence) == []


def test_clause_verb_inverted_after_quote() -> None:
    c = one("« Nous avons encadré 600 jeunes cet été », lance Karim Benali, président du club.")
    assert c["text"] == "Nous avons encadré 600 jeunes cet été"
    assert "Karim Benali" in c["chain"][0]


def test_fait_etat_de_reports_a_figure() -> None:
    c = one("Le bulletin de l'agence régionale de santé fait état de 54 cas de dengue.")
    assert "54 cas" in c["text"]


def test_one_of_a_group_is_one_person() -> None:
    found = attributed(
        "La procureure Anne Roux a affirmé que l'alarme était cassée. L'une des colocataires a "
        "déclaré que personne ne la vérifiait. « Nous pensions que c'était normal », "
        "a-t-elle ajouté."
    )
    assert found[-1]["names"] == ["L'une des colocataires"]


def test_gerund_after_a_clause_takes_its_subject() -> None:
    found = attributed(
        "Dans un communiqué, l'état-major général des armées a reconnu des « pertes » sans les "
        "chiffrer, assurant que « plusieurs dizaines d'assaillants » avaient été neutralisés."
    )
    # (what it admitted, "des « pertes »", is a claim of its own)
    c = next(c for c in found if c["cue"] == "assurant")
    assert c["names"] == ["état-major général des armées"]
    assert c["text"].startswith("« plusieurs dizaines")


def test_citant_opening_the_sentence() -> None:
    c = one(
        "Citant un membre de la commission médicale, le journal ajoutait que le coureur avait "
        "déposé une demande après le contrôle."
    )
    assert c["chain"] == ["un membre de la commission médicale", "le journal"]
    assert c["anonymous"]


def test_citant_a_reason_opening_the_sentence_is_no_relay() -> None:
    c = one("Citant des raisons de sécurité, la préfecture a annoncé que le pont resterait fermé.")
    assert c["chain"] == ["la préfecture"]


def test_un_cadre_releve_par_un_media_ouvrant_la_phrase() -> None:
    found = attributed(
        "Dans un communiqué relayé par franceinfo, l'association Épilepsie Enfance France "
        "dénonce « un scandale sanitaire » et affirme que des parents auraient fractionné des "
        "comprimés."
    )
    assert [c["chain"] for c in found] == [
        ["l'association Épilepsie Enfance France", "franceinfo"],
        ["l'association Épilepsie Enfance France", "franceinfo"],
    ]


def test_qui_apres_une_apposition_participiale_renvoie_au_nom() -> None:
    c = one(
        "Parmi eux figure le premier adjoint, Stéphane Verneuil, chargé des finances, qui a "
        "dénoncé à la tribune « une fuite en avant budgétaire »."
    )
    assert c["names"] == ["Stéphane Verneuil"]
    assert not c["anonymous"]


def test_deux_verbes_coordonnes_au_present_deux_affirmations() -> None:
    found = attributed(
        "Le maire, Bertrand Lhuillier, estime que ces critiques sont déplacées et assure que "
        "le système d'alarme a parfaitement fonctionné."
    )
    assert [(c["text"], c["names"]) for c in found] == [
        ("ces critiques sont déplacées", ["Bertrand Lhuillier"]),
        ("le système d'alarme a parfaitement fonctionné", ["Bertrand Lhuillier"]),
    ]


def test_du_cote_de_encadre_la_phrase_et_l_un_d_eux_renvoie_au_sujet() -> None:
    found = attributed(
        "Du côté de l'agglomération, des responsables, qui s'expriment sous couvert "
        "d'anonymat, reconnaissent que le plan « ne tient plus ». L'un d'eux évoque 60 millions "
        "d'euros d'emprunts supplémentaires."
    )
    assert [c["chain"] for c in found] == [["des responsables"], ["L'un d'eux"]]
    assert found[1]["names"] == found[0]["names"]


def test_tout_en_rappelant_que() -> None:
    c = one(
        "Le ministère a exprimé sa solidarité avec le militaire blessé, tout en rappelant que "
        "la surveillance de la frontière est une responsabilité partagée."
    )
    assert c["chain"] == ["Le ministère"]
    assert c["text"] == "la surveillance de la frontière est une responsabilité partagée"


def test_interroge_par_un_media_puis_un_titre_et_son_nom() -> None:
    c = one(
        "Interrogé par France Info, le directeur de la caisse primaire, Bertrand Lafosse, a "
        "indiqué que les contrôles avaient été renforcés depuis 2023."
    )
    assert c["chain"] == ["le directeur de la caisse primaire, Bertrand Lafosse", "France Info"]
    assert c["names"][0] == "Bertrand Lafosse"


def test_selon_au_milieu_apres_une_proposition_ouverte_par_un_demonstratif() -> None:
    c = one(
        "Cette flotte compterait entre 600 et 1 000 navires, selon les estimations "
        "occidentales, pour la plupart mal assurés."
    )
    assert c["text"].startswith("Cette flotte compterait") and c["hedged"]
    # but "Cette semaine," frames the sentence: the claim follows the cue
    c = one("Cette semaine, selon la préfecture, le pont restera fermé.")
    assert c["text"] == "le pont restera fermé"


def test_la_personne_nommee_juste_avant_est_celle_du_pronom() -> None:
    found = attributed(
        "« Ils ont été choisis parce qu'ils étaient vulnérables », a lancé le procureur, "
        "Olivier Tessier. Le témoignage de Kévin D., ancien commercial de la société, a "
        "pourtant jeté un froid. Les vendeurs touchaient, selon lui, une prime de 800 euros."
    )
    assert found[-1]["names"] == ["Kévin D."]  # (an initial keeps its full stop)


def test_l_acronyme_d_une_apposition_n_est_pas_la_source() -> None:
    c = one(
        "Aux yeux de Camille Forestier, chercheuse à l'Institut français des relations "
        "internationales (Ifri), ces bateaux offrent « un déni plausible »."
    )
    assert c["names"] == ["Camille Forestier"]


@pytest.mark.parametrize(
    "sentence, source",
    [
        ("Le porte-parole du Kremlin a, lui, dénoncé « une campagne d'hystérie ».", "porte-parole"),
        ("La région a, de son côté, indiqué être prête à participer.", "La région"),
    ],
)
def test_une_incise_entre_l_auxiliaire_et_le_participe(sentence: str, source: str) -> None:
    c = one(sentence)
    assert source in c["chain"][0]


def test_pour_le_docteur_x_qui_a_dirige_le_service() -> None:
    c = one(
        "Pour le docteur Alain Ferreira, qui a dirigé le service jusqu'en juin, la décision "
        "était « prévisible depuis au moins deux ans »."
    )
    assert c["names"] == ["Alain Ferreira"]


def test_qualifier_ces_informations_de_citation() -> None:
    found = attributed(
        "Le porte-parole du Kremlin a qualifié ces informations de « spéculations sans "
        "fondement ». « La route du Nord restera sous contrôle russe », a-t-il insisté."
    )
    assert [c["names"] for c in found] == [["Kremlin"]] * 2  # (a spokesman speaks for it)


def test_un_adjectif_detache_avant_le_sujet() -> None:
    c = one(
        "Première à témoigner, mardi, Odette Raynaud, 81 ans, a raconté à la barre comment deux "
        "jeunes hommes avaient passé quatre heures dans sa cuisine."
    )
    assert c["names"] == ["Odette Raynaud"]


def test_reconnaitre_un_objet() -> None:
    found = attributed(
        "Franck Delmas a reconnu des « dérapages commerciaux » commis par « quelques "
        "vendeurs », mais affirme n'avoir jamais donné d'instruction en ce sens."
    )
    assert [c["names"] for c in found] == [["Franck Delmas"], ["Franck Delmas"]]


def test_dans_des_propos_rapportes_par_entre_le_verbe_et_que() -> None:
    c = one(
        "Le député, Florent Assié, a jugé, dans des propos rapportés par Le Bien public, que "
        "l'abandon du chantier « n'est plus une option »."
    )
    assert c["chain"] == ["Le député, Florent Assié", "Le Bien public"]


def test_d_apres_x_puis_un_verbe_suivi_d_un_adverbe() -> None:
    c = one("D'après La Lettre de l'Est, le texte évoque également une fermeture complète du site.")
    assert c["chain"] == ["La Lettre de l'Est"]
    assert c["text"].startswith("le texte évoque")


def test_en_citant_between_verb_and_claim() -> None:
    c = one(
        "Le Wall Street Journal a rapporté, en citant des responsables américains, que Moscou "
        "envisagerait de retirer ses troupes."
    )
    assert c["names"] == ["responsables américains", "Wall Street Journal"]


def test_leading_preposition_absorbs_a_participial_apposition() -> None:
    c = one(
        "D'après le dernier bilan de l'agence, publié le 17 septembre, 54 cas de dengue ont été "
        "recensés."
    )
    assert c["text"].startswith("54 cas")


def test_pronoun_speaker_prefers_the_previous_sentences_subject() -> None:
    found = attributed(
        "« L'enquête a été bâclée », a plaidé l'avocat Julien Castagnet. Invité à parler en "
        "dernier, Rodolphe Vasseur s'est tourné vers la famille de la victime. « Je regrette "
        "chaque jour ce qui s'est passé », a-t-il murmuré."
    )
    assert found[-1]["names"] == ["Rodolphe Vasseur"]


def test_a_name_in_apposition_to_a_title_is_not_the_subject() -> None:
    found = attributed(
        "La société Terraval dément tout dépôt illégal. Dans une réponse transmise par son "
        "avocat, Me Paul Ribaut, l'entreprise affirme que les déchets ne viennent pas de ses "
        "chantiers. Elle reconnaît toutefois que « des erreurs » ont pu se produire."
    )
    assert found[-1]["names"] == ["Terraval"]


@pytest.mark.parametrize(
    "sentence, name",
    [
        (
            "« On juge un homme qui a eu peur », a plaidé en fin de soirée Me Paul Roux.",
            "Paul Roux",
        ),
        (
            "« Nous irons jusqu'au bout », a expliqué dans un communiqué le ministère de "
            "l'Intérieur.",
            "ministère de l'Intérieur",
        ),
    ],
)
def test_inverted_speaker_after_an_adjunct(sentence: str, name: str) -> None:
    assert one(sentence)["names"] == [name]


def test_pour_with_a_pronoun_speaker() -> None:
    found = attributed(
        "« Vous faites payer les habitants », a lancé Sandrine Peyrard, cheffe de file de "
        "l'opposition. Pour elle, la majorité a préféré sacrifier la piscine."
    )
    assert found[-1]["names"] == ["Sandrine Peyrard"]
    assert found[-1]["text"].startswith("la majorité a préféré")


def test_impersonal_on_with_du_cote_de() -> None:
    c = one("Du côté de la majorité, on fait valoir que le projet est financé par la Région.")
    assert c["names"] == ["majorité"]


def test_leading_preposition_skips_a_relative_about_the_source() -> None:
    c = one(
        "À en croire un élu de la majorité, qui s'exprime sous couvert d'anonymat, plusieurs "
        "adjoints auraient voulu repousser la fermeture."
    )
    assert c["text"].startswith("plusieurs adjoints")
    assert c["anonymous"] is True


def test_apposition_with_a_noun_that_looks_like_a_verb() -> None:
    c = one(
        "Pour Ousmane Diarra, chercheur au Centre d'analyse stratégique, cette embuscade "
        "« confirme les limites de l'armée »."
    )
    assert c["names"] == ["Ousmane Diarra"]


def test_subject_with_a_title_and_adjective() -> None:
    found = attributed(
        "« Il faut fermer », a déclaré la maire. Le conseiller municipal Hervé Dumontel s'est "
        "abstenu. « Je ne voterai pas cette fermeture », a-t-il justifié."
    )
    assert found[-1]["names"] == ["Hervé Dumontel"]


def test_object_verb_inside_a_leading_source_claim() -> None:
    c = one(
        "Aux yeux de Samuel Carette, écologue au CNRS, ces travaux confirment des observations "
        "faites en Suisse."
    )
    assert c["text"].startswith("ces travaux confirment")
    assert c["names"] == ["Samuel Carette"]


def test_pronoun_after_a_named_organisation_subject() -> None:
    found = attributed(
        "L'UCI a confirmé l'ouverture d'une procédure. Le quotidien madrilène AS va plus loin. "
        "Il affirme que la dose serait « compatible avec une microdose »."
    )
    assert found[-1]["names"] == ["AS"]


def test_an_institution_sharing_a_word_with_the_outlet_is_not_the_outlet() -> None:
    c = one(
        "D'après des données du ministère de la Santé citées par Franceinfo, 2 300 captages "
        "dépasseraient la limite.",
        outlet="Le Fil Santé",
    )
    assert c["names"] == ["Santé", "Franceinfo"]


def test_the_outlets_own_analysis_is_not_an_attribution() -> None:
    found = attributed(
        "Une analyse des données par Le Courrier montre que les rejets ont doublé.",
        outlet="Le Courrier des Hauts",
    )
    assert found == []


@pytest.mark.parametrize(
    "sentence",
    [
        "D'après le protocole de la cohorte, les prélèvements ont été faits à domicile.",
        "Leur demi-vie dans l'organisme varie, selon la molécule, de quelques jours à dix ans.",
        "Il encourt trente ans, la préméditation n'étant pas retenue par le juge d'instruction.",
    ],
)
def test_more_traps(sentence: str) -> None:
    assert attributed(sentence) == []


def test_inverted_outlet_after_a_long_claim() -> None:
    c = one(
        "L'ONG y a trouvé de l'acide trifluoroacétique, un PFAS à chaîne courte, dans 46 "
        "d'entre eux, avait rapporté Reporterre."
    )
    assert c["names"] == ["Reporterre"]
    assert "dans 46" in c["text"]


def test_reflexive_se_dire_with_a_quotation() -> None:
    c = one(
        "Le président de la Fédération française de cyclisme (FFC), Pierre Dardenne, s'est dit "
        "« abasourdi »."
    )
    assert c["text"] == "abasourdi"
    assert c["names"] == ["Pierre Dardenne"]


def test_long_citing_aside_before_que() -> None:
    c = one(
        "Mardi matin, L'Écho de l'Indre affirmait, citant une note d'un cabinet d'audit mandaté "
        "par la ville, que la piscine coûterait 30 % de plus que prévu."
    )
    assert c["text"].startswith("la piscine coûterait")
    assert c["names"][-1] == "L'Écho de l'Indre"


def test_a_whole_quotation_continues_the_previous_speaker() -> None:
    found = attributed(
        "« Nous irons jusqu'au bout », a déclaré le maire, Paul Roux. « Personne ne nous fera "
        "reculer. »"
    )
    assert found[-1]["text"] == "Personne ne nous fera reculer"
    assert found[-1]["names"] == ["Paul Roux"]
    assert found[-1]["inferred"] == [True]


def test_a_quotation_after_an_unquoted_claim_is_not_continued() -> None:
    found = attributed("Le maire a déclaré que tout allait bien. « Personne ne viendra. »")
    assert len(found) == 1


def test_speaker_after_an_agency_recipient() -> None:
    found = attributed(
        "« On ne tient plus », a déclaré à l'AFP Sandrine Morel, infirmière. Selon elle, trois "
        "patients ont chuté."
    )
    assert found[0]["names"] == ["Sandrine Morel", "AFP"]
    assert found[-1]["names"] == ["Sandrine Morel"]


def test_impersonal_on_with_the_place_after_the_verb() -> None:
    c = one("« Aucune fermeture n'est prévue », assure-t-on au CHU.")
    assert c["names"] == ["CHU"]


def test_impersonal_source_is_not_a_time_phrase_in_between() -> None:
    c = one(
        "Deux personnes sont mortes, au lendemain d'orages violents, a-t-on appris auprès de la "
        "préfecture."
    )
    assert c["names"] == ["préfecture"]


def test_an_intransitive_use_of_an_object_verb_is_not_a_cue() -> None:
    assert attributed("Le volet judiciaire avance en parallèle.") == []


def test_colon_after_the_verb_introduces_a_clause() -> None:
    c = one(
        "RTE met en garde : en cas de vague de froid prolongée, des coupures ne sont pas exclues."
    )
    assert "des coupures" in c["text"]


def test_pronoun_aside_between_verb_and_object() -> None:
    c = one("La PEEP dénonce, elle, une réforme « pensée contre les familles ».")
    assert c["text"].startswith("une réforme")


@pytest.mark.parametrize(
    "sentence, cited",
    [
        ("Pour le SE-Unsa, la réforme ne pourra pas se faire à moyens constants.", ["SE-Unsa"]),
        ("Pour Lumen-Vélo, le coup est rude.", None),
    ],
)
def test_pour_with_an_acronym_organisation(sentence: str, cited: list[str] | None) -> None:
    found = attributed(sentence)
    assert (found[0]["names"] if found else None) == cited


def test_recommander_de_with_a_quotation() -> None:
    c = one("Les inspecteurs y recommandent de « rééquilibrer l'année ».")
    assert c["text"] == "rééquilibrer l'année"


def test_short_predicate_then_colon_and_quotation() -> None:
    c = one(
        "Un diplomate d'un pays du Nord, qui a requis l'anonymat, se montre sceptique : "
        "« Chaque année, c'est le même théâtre. »"
    )
    assert c["names"] == ["diplomate d'un pays du Nord"]
    assert c["anonymous"] is True


def test_verb_that_looks_like_a_participle_before_a_colon() -> None:
    # "balaie" ends like a participle ("partie"): the subject before it still speaks
    c = one(
        "Son président-fondateur, Gérald Aubertin, balaie les témoignages : "
        "« Ce sont d'anciens salariés qui règlent leurs comptes. »"
    )
    assert c["names"] == ["Gérald Aubertin"]
    assert c["anonymous"] is False


def test_leading_source_with_a_participial_relay_apposition() -> None:
    c = one(
        "Selon une note interne de la direction d'EDF, révélée mercredi par Le Canard enchaîné, "
        "des fissures auraient été relevées sur deux autres réacteurs."
    )
    assert c["text"].startswith("des fissures")
    assert c["names"][-1] == "Le Canard enchaîné"


def test_inverted_speaker_after_a_time_word() -> None:
    c = one("Le mois de février a été le plus chaud, a annoncé mardi Météo-France.")
    assert c["names"] == ["Météo-France"]


def test_relative_preposition_skips_another_relative() -> None:
    c = one(
        "Ces chiffres font écho à une étude parue dans la revue Nature, dont Le Monde a rendu "
        "compte, selon laquelle l'Europe se réchaufferait deux fois plus vite."
    )
    assert c["names"] == ["Nature"]


def test_ce_dernier_and_name_particles() -> None:
    found = attributed(
        "« Les modèles reproduisent mal les blocages », a expliqué le climatologue Pieter van "
        "Laar. Ce dernier a toutefois reconnu que la période étudiée restait « courte »."
    )
    assert [c["names"] for c in found] == [["Pieter van Laar"], ["Pieter van Laar"]]


def test_a_statement_quoted_by_its_text() -> None:
    found = attributed(
        "Le club a démenti. « Aucune négociation n'est en cours », précise le texte."
    )
    assert found[-1]["names"] == ["texte"]


def test_inverted_title_with_a_complement_and_a_name() -> None:
    c = one(
        "En cas de montée, des travaux seraient nécessaires, a indiqué l'adjoint aux sports de "
        "la ville, Julien Moreau."
    )
    assert c["names"] == ["Julien Moreau"]


def test_a_detached_adjective_before_the_subject() -> None:
    c = one(
        "Plus prudente, Inès Haddou a refusé de commenter « un article », mais a dénoncé « un "
        "climat délétère »."
    )
    assert c["names"] == ["Inès Haddou"]


def test_a_noun_right_after_a_preposition_is_not_a_cue() -> None:
    c = one(
        "De source policière, le point de deal générait jusqu'à 20 000 euros de chiffre "
        "d'affaires par jour."
    )
    assert "20 000 euros de chiffre" in c["text"]
    assert c["cue"].strip() == "De"


def test_a_role_description_stands_for_the_person() -> None:
    found = attributed(
        "« Il s'agit d'un réseau structuré », a déclaré le procureur de la République, Thierry "
        "Lambesc. Selon le magistrat, les enquêteurs ont saisi 38 kilos."
    )
    assert found[-1]["names"] == ["Thierry Lambesc"]


def test_epicene_titles_fit_elle() -> None:
    found = attributed(
        "Pour Lucie Hamon, économiste du sport, le modèle « n'est pas reproductible ». « À 12 000 "
        "places, vous plafonnez votre billetterie », calcule-t-elle."
    )
    assert found[-1]["names"] == ["Lucie Hamon"]


def test_que_inside_a_quoted_object_is_not_a_complementizer() -> None:
    c = one(
        "La Fédération nationale d'agriculture biologique (Fnab) dénonce « une contamination "
        "subie, que les bios paient deux fois »."
    )
    assert c["text"].startswith("une contamination subie")
    assert c["names"] == ["Fédération nationale d'agriculture biologique"]


def test_an_institution_and_its_acronym_after_lower_case_words() -> None:
    found = attributed(
        "L'Agence nationale de sécurité sanitaire de l'alimentation (Anses) avait pointé le "
        "problème. Dans un avis publié en 2023, elle relevait que le produit était très vendu."
    )
    full = "Agence nationale de sécurité sanitaire de l'alimentation"
    assert [c["names"] for c in found] == [[full], [full]]


def test_lower_case_adjective_inside_an_institution_name() -> None:
    c = one("Le tabac cause 75 000 décès par an en France, selon Santé publique France.")
    assert c["names"] == ["Santé publique France"]


def test_a_name_in_a_relative_clause_does_not_name_the_document() -> None:
    c = one(
        "Le taux d'anomalies atteint 31 %, selon le rapport de contrôle que Lanterne s'est "
        "procuré.",
        outlet="Lanterne",
    )
    assert c["names"] == ["rapport de contrôle"]


def test_colon_after_a_long_predicate_opening_with_an_auxiliary() -> None:
    c = one(
        "Le président de la région, Jean-Baptiste Sorel, a été on ne peut plus clair : « La "
        "région tiendra ses engagements. »"
    )
    assert c["names"] == ["Jean-Baptiste Sorel"]
    assert c["text"].startswith("La région tiendra")


def test_colon_after_a_possessive_subject_speaks_for_its_possessor() -> None:
    found = attributed(
        "La neuropédiatre Anne-Sophie Ribeiro, au CHU de Tours, reçoit des appels. Son constat "
        "est sans appel : « Changer de traitement, c'est prendre un risque. »"
    )
    assert [c["names"] for c in found] == [["Anne-Sophie Ribeiro"]]
    assert found[0]["chain"] == ["Son"]


def test_colon_after_a_relative_with_a_named_subject() -> None:
    c = one("Un chiffre que Sylvie Derouet conteste : « Cette note date de juin. »")
    assert c["names"] == ["Sylvie Derouet"]


def test_a_second_verb_of_the_speaker_after_et() -> None:
    found = attributed(
        "Le ministre Paul Roux a rappelé que l'entreprise avait perçu 2,6 millions d'euros et a "
        "assuré que l'État exigerait leur remboursement."
    )
    assert [c["text"] for c in found] == [
        "l'entreprise avait perçu 2,6 millions d'euros",
        "l'État exigerait leur remboursement",
    ]


def test_a_verb_coordinated_inside_the_claim_stays_in_it() -> None:
    c = one("Le maire a dit que l'entreprise a fermé et a licencié 40 salariés.")
    assert c["text"] == "l'entreprise a fermé et a licencié 40 salariés"


def test_a_known_outlet_keeps_its_full_name() -> None:
    c = one("La Voix du Nord a rapporté que plusieurs engins avaient quitté le site.")
    assert c["names"] == ["La Voix du Nord"]


def test_a_name_in_apposition_to_the_subjects_title_is_the_subject() -> None:
    """ "La directrice de l'hôpital, Nathalie Brugère, …" makes Brugère the subject: the
    pronoun of the next sentence is hers, not the latest speaker's."""
    found = attributed(
        "La fermeture a été annoncée mardi, selon l'agence régionale de santé. "
        "La directrice de l'hôpital, Nathalie Brugère, parle d'un choix difficile. "
        "« Nous n'avions plus de médecins », a-t-elle expliqué."
    )
    quote = next(c for c in found if "plus de médecins" in c["text"])
    assert quote["names"] == ["Nathalie Brugère"]


def test_a_source_set_in_a_ne_que_clause_keeps_the_whole_clause() -> None:
    found = attributed(
        "Le maire, Jean Dupont, a pris la parole. "
        "La piscine ne représenterait, selon lui, que 4 % des dépenses."
    )
    claim = found[-1]
    assert claim["text"] == "La piscine ne représenterait, selon lui, que 4 % des dépenses"
    assert claim["names"] == ["Jean Dupont"]


def test_a_party_between_title_and_name_is_not_the_source() -> None:
    c = one("Le député (LR) Jean Martin a affirmé que le texte était mort.")
    assert c["names"] == ["Jean Martin"]
    c = one("Selon les services de renseignements sud-coréens (NIS), la mine a fermé.")
    assert c["names"] == ["NIS"]  # an acronym after the name is still the name's


def test_a_region_sharing_a_word_with_the_outlet_is_not_the_outlet() -> None:
    found = [
        c
        for c in run(
            "La région Occitanie a fait savoir qu'elle maintiendrait sa subvention.",
            outlet="Occitanie Hebdo",
        )
        if c["chain"]
    ]
    assert [c["names"] for c in found] == [["Occitanie"]]


def test_a_word_after_que_is_not_a_second_cue_with_the_first_verbs_auxiliary() -> None:
    """ "a affirmé que la mesure était …": "mesure" (also a form of "mesurer") is part of the
    claim; the "a" before it belongs to "affirmé", so it makes no second cue."""
    claims = run("Thierry Castagné a affirmé que la mesure était nécessaire.")
    assert [(c["text"], c["cue"]) for c in claims] == [("la mesure était nécessaire", "a affirmé")]


def test_a_named_subject_set_off_by_commas_with_an_object_makes_no_claim() -> None:
    """ "Le maire, Thierry Castagné, a défendu le projet": a subject and an object, not a
    claim ("Le maire, Thierry Castagné") inverted before its source ("le projet")."""
    assert run("Le maire, Thierry Castagné, a défendu le projet devant les élus.") == []
    assert (
        run("Les médecins urgentistes, qui ne sont pas en grève, soutiennent le mouvement.") == []
    )


def test_a_clause_before_an_inverted_cue_and_its_source_is_still_the_claim() -> None:
    claims = run(
        "Un record de 27,1 °C a été relevé à Biarritz, une valeur rare en février, "
        "a précisé l'établissement public."
    )
    assert [(c["cue"], c["chain"]) for c in claims] == [("a précisé", ["l'établissement public"])]
    assert claims[0]["text"].startswith("Un record de 27,1 °C a été relevé à Biarritz")


def test_l_agence_apres_une_agence_de_presse_est_cette_agence() -> None:
    cs = attributed(
        "Selon l'AFP, l'usine va fermer. L'agence précise que la décision est définitive."
    )
    assert cs[1]["text"] == "la décision est définitive" and cs[1]["names"] == ["AFP"]


def test_un_nom_en_apposition_a_un_titre_avec_complement_est_une_personne() -> None:
    cs = attributed(
        "La présidente du collectif des riverains du Groupe Nord, Julie Mercier, a déclaré que "
        "le projet était illégal. Elle a ajouté que des recours seraient déposés."
    )
    assert cs[1]["names"] == ["Julie Mercier"]


def test_une_participiale_en_tete_n_est_pas_un_sujet() -> None:
    c = one(
        "Fondée sur des bons papier, la facturation « invite littéralement à la fraude », juge "
        "Anne-Sophie Gourdon, économiste de la santé."
    )
    assert "invite littéralement" in c["text"] and c["names"] == ["Anne-Sophie Gourdon"]


def test_une_incise_avant_un_predicat_cite() -> None:
    cs = attributed(
        "Le maire a déclaré que la ville était endettée. La vente, a-t-il ajouté, « est la "
        "seule solution »."
    )
    assert cs[1]["text"].startswith("La vente") and "seule solution" in cs[1]["text"]


def test_un_roman_titre_encadre_son_intrigue() -> None:
    assert (
        attributed(
            "Dans son roman « L'Été des cartables » (2019), l'ancienne institutrice Mireille "
            "Jouan raconte qu'une maîtresse d'école décide de faire classe tout l'été."
        )
        == []
    )


def test_un_titre_entre_guillemets_qui_raconte_une_histoire_ouvre_une_intrigue() -> None:
    assert (
        attributed(
            "Tourné l'an dernier, « La Digue » raconte l'histoire de Camille, une ingénieure. "
            "Face à elle, l'élu affirme que « tout est sous contrôle »."
        )
        == []
    )
    # but a newspaper's title that reports something is a source
    assert one("« Le Progrès » raconte que le maire a démissionné.")["chain"] == ["Le Progrès"]


def test_une_relative_objet_au_sujet_inverse_n_est_pas_une_affirmation() -> None:
    found = attributed(
        "Une version que conteste la déléguée générale du festival, Marion Delestrade. Dans une "
        "lettre, elle estime que la liberté de programmation n'existe plus."
    )
    assert [c["names"] for c in found] == [["Marion Delestrade"]]


def test_ce_que_disent_les_personnages_d_un_film_n_est_pas_une_affirmation() -> None:
    assert attributed("Dans le film, trois bûcherons affirment que le sauna guérit tout.") == []


def test_maison_par_maison_n_est_pas_un_agent() -> None:
    c = one("Le préfet a déclaré que les dégâts étaient évalués « maison par maison ».")
    assert c["text"].endswith("« maison par maison »") and c["names"] == ["préfet"]


@pytest.mark.parametrize(
    "first",
    ["les procédures ont été appliquées", "« toutes les procédures ont été appliquées »"],
)
def test_deux_participes_coordonnes_font_deux_affirmations(first: str) -> None:
    """ "a assuré que A et indiqué que B": le second participe partage l'auxiliaire."""
    cs = attributed(f"La direction a assuré que {first} et indiqué que l'usine resterait fermée.")
    assert len(cs) == 2 and cs[1]["text"] == "l'usine resterait fermée"
    assert cs[1]["names"] == ["direction"]


def test_un_participe_coordonne_partage_l_auxiliaire_d_un_autre_verbe() -> None:
    """ "a visité le site et assuré que …": "assuré" partage l'auxiliaire de "visité" ; le
    sujet est celui de la proposition."""
    c = one("Le maire a visité le site et assuré que la forêt serait replantée.")
    assert c["text"] == "la forêt serait replantée"
    assert c["names"] == ["maire"]


def test_un_verbe_cite_qui_ouvre_la_citation_apres_son_sujet() -> None:
    """ "la direction « conteste formellement toute fraude »": le verbe est celui de la
    phrase, cité avec ce qu'il dit (sans le guillemet fermant)."""
    c = one(
        "Dans une réponse écrite, la direction du groupe « conteste formellement toute fraude »."
    )
    assert c["text"] == "formellement toute fraude"
    assert c["cue"] == "conteste" and c["names"] == ["direction du groupe"]


def test_un_verbe_cite_dans_l_affirmation_d_un_autre_indice_n_en_est_pas_un() -> None:
    c = one(
        "Pour le Pr Olivier Castagné, ces résultats « confirment ce que les orthophonistes "
        "observent depuis dix ans »."
    )
    assert c["names"] == ["Olivier Castagné"]


def test_une_proposition_puis_une_participiale_avant_une_incise_inversee() -> None:
    """ "<proposition>, confiée à …, a indiqué la procureure, X": la proposition est
    l'affirmation, la procureure sa source (la participiale n'est pas un sujet)."""
    c = one(
        "Le parquet a ouvert une enquête pour blessures involontaires, confiée à la "
        "gendarmerie, a indiqué la procureure de la République, Hélène Darcieux."
    )
    assert "blessures involontaires" in c["text"] and c["names"] == ["Hélène Darcieux"]


def test_un_pronom_en_tete_avant_deux_points_parle() -> None:
    cs = attributed(
        "La maire Odile Marchetti a défendu le projet. Elle l'assume devant le conseil : « Nous "
        "ne rasons pas une forêt primaire. »"
    )
    assert cs[-1]["chain"] == ["Elle"] and cs[-1]["names"] == ["Odile Marchetti"]
