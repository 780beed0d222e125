-- title: Window bounds
-- description: The window and the bounds the runner derives from it, as bound.
-- param: since timestamp = now-1d   # the window's start
-- param: until timestamp = now      # the window's end
-- window: since, until
--   A note for whoever reads the file: not part of the description.
SELECT CAST(:since AS TIMESTAMP WITH TIME ZONE) AS since,
       CAST(:rollup_from AS TIMESTAMP WITH TIME ZONE) AS rollup_from,
       CAST(:rollup_to AS TIMESTAMP WITH TIME ZONE) AS rollup_to,
       CAST(:until AS TIMESTAMP WITH TIME ZONE) AS until
