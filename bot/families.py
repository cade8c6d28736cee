"""The four families of target groups the whole product speaks of, in the order it shows them.

Life situations, the vocabulary, the dialog's group buttons and the statistics all use these
keys (`catalog_data/rodiny-skupin.csv` says which registered target groups belong to each).
"""

FAMILIES = ("seniori", "zdravotni-postizeni", "rodiny-deti", "krize")
