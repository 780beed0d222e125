-- title: A report that tries to delete
-- description: Starts with SELECT but deletes through a data change delta table; the transaction must undo it.
SELECT COUNT(*) AS deleted FROM OLD TABLE (DELETE FROM P21_RUN)
