<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English needs a translation file only for plural forms: every "%n" string of the source
     (Qt's numerus forms) has its singular and plural here. Kept up to date by
     scripts/update_translations.py; compiled to .qm by scripts/build_translations.py. -->
<TS version="2.1" language="en_US">
<context>
    <name>NurseAccess</name>
    <message numerus="yes">
        <source>Wrong PIN. %n more tries before the pad locks.</source>
        <translation>
            <numerusform>Wrong PIN. %n more try before the pad locks.</numerusform>
            <numerusform>Wrong PIN. %n more tries before the pad locks.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message numerus="yes">
        <source>About %n minute(s) left</source>
        <translation>
            <numerusform>About %n minute left</numerusform>
            <numerusform>About %n minutes left</numerusform>
        </translation>
    </message>
</context>
</TS>
