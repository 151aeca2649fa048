#include <QApplication>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QTest>

#include "joindialog.h"
#include "translators.h"

using namespace Qt::StringLiterals;

// Qt's own strings follow the language too: started with LANG=de_DE.UTF-8, the Join dialog's
// Cancel button (Qt's text, not ours) says "Abbrechen". Needs qt6-translations-l10n.
class TestQtTranslation final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void qtStringsAreTranslated()
    {
        QCOMPARE(QLocale().language(), QLocale::German);
        QVERIFY(installTranslators(*QCoreApplication::instance()) >= 1);
        JoinDialog dialog;
        auto *buttons = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(buttons);
        QPushButton *cancel = buttons->button(QDialogButtonBox::Cancel);
        QVERIFY(cancel);
        QCOMPARE(cancel->text(), u"Abbrechen"_s);
    }
};

int main(int argc, char **argv)
{
    // As a person with a German desktop starts the app; LANGUAGE or LC_ALL would override LANG.
    qputenv("LANG", "de_DE.UTF-8");
    qunsetenv("LANGUAGE");
    qunsetenv("LC_ALL");
    qunsetenv("LC_MESSAGES");
    QApplication app(argc, argv);
    TestQtTranslation test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_qttranslation.moc"
