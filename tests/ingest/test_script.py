from documents.ingest.script import detect_script, normalise_script, word_coverage


def test_traditional_text_is_detected_and_simplified_copy_returned():
    script, simplified, record = normalise_script("廣東省國家數字經濟創新發展試驗區")
    assert script == "hant"
    assert simplified == "广东省国家数字经济创新发展试验区"
    assert record.stage == "script"


def test_simplified_text_is_detected_as_simplified():
    assert detect_script("打造国际一流的数字创新生态实施方案") == "hans"


def test_text_without_han_counts_as_simplified():
    assert detect_script("AGI 2025") == "hans"


def test_word_coverage_separates_prose_from_mojibake():
    assert word_coverage("中共中央关于进一步全面深化改革") > 0.8
    assert word_coverage("吨泄仓醒腙") < 0.2


def test_the_segmenters_are_kept_out_of_the_garbage_collectors_sight():
    # They live as long as the process; each full collection would walk them again, pausing a request.
    import gc

    from documents.chinese import plain_tokenizer, tokenizer

    loaded = [tokenizer(), plain_tokenizer()]
    assert all(gc.is_tracked(segmenter) for segmenter in loaded)
    assert not [o for o in gc.get_objects() if any(o is segmenter for segmenter in loaded)]
